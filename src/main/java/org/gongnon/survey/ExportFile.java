package org.gongnon.survey;

/**
 * A file to download: its name (ASCII, safe in a Content-Disposition header), its MIME type and its bytes.
 */
public record ExportFile(String fileName, String contentType, byte[] content) {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
