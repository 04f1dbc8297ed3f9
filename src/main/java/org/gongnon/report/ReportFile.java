package org.gongnon.report;

/** A report file as downloaded: the server's file name, its type and its bytes. */
public record ReportFile(String fileName, String contentType, byte[] content) {
}
