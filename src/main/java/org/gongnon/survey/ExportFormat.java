package org.gongnon.survey;

/** The file formats of survey exports. */
public enum ExportFormat {
    /** UTF-8 with a byte-order mark (so Excel reads Korean), comma-separated, CRLF line ends (RFC 4180). */
    CSV,
    /** An Excel workbook: the responses, the codebook and the waves on their own sheets. */
    XLSX
}
