package org.gongnon.report.ui;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gongnon.base.UserFacingException;
import org.gongnon.report.ReportFile;
import org.gongnon.report.ReportFormat;
import org.gongnon.report.ReportService;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Report files as plain downloads ({@code /files/reports/{id}/pdf}): the server names the file, the service checks
 * who may have it and logs the download. A report out of reach (an id changed by hand) gets 404, like one that
 * does not exist, and the attempt is logged.
 */
@Controller
class ReportDownloadController {

    private final ReportService reports;

    ReportDownloadController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/files/reports/{reportId}/{format}")
    ResponseEntity<byte[]> download(@PathVariable String reportId, @PathVariable String format) {
        long id;
        ReportFormat fileFormat;
        try {
            id = Long.parseLong(reportId);
            fileFormat = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return notFound();
        }
        ReportFile file;
        try {
            file = reports.download(id, fileFormat, null);
        } catch (UserFacingException | AccessDeniedException e) {
            // Out of reach looks like not there; a citizen (not staff) gets the same answer.
            return notFound();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body("보고서를 찾을 수 없거나 볼 수 있는 권한이 없습니다.\nThe report was not found, or is not yours to see.\n"
                        .getBytes(StandardCharsets.UTF_8));
    }
}
