package org.gongnon.report.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.report.ReportFixture;
import org.gongnon.report.ReportFormat;
import org.gongnon.report.ReportService;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Report files over HTTP through the real security filter chain: the process's official gets the stored file
 * under the server's name; a staff member of another process, an unknown id, a malformed id or format all get the
 * same plain 404 (the refusal logged); nobody signed in gets no file.
 */
@SpringBootTest
class ReportDownloadControllerTest {

    @Autowired
    ReportFixture reportFixture;
    @Autowired
    SignIn signIn;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    ReportService reports;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        SecurityContextHolder.clearContext();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    record Published(long processId, long reportId, long draftId) {
    }

    /** A process of its own with version 1 published (its item was not voted on) and version 2 drafted. */
    Published published() {
        ReportFixture.Published p = reportFixture.published("보고서 내려받기", "음식물 쓰레기 감량");
        long draft = signIn.facilitator(() -> reports.createDraft(p.processId(), Locale.KOREAN).id());
        return new Published(p.processId(), p.reportId(), draft);
    }

    MockHttpServletResponse fetch(String path, String username) throws Exception {
        var request = get(path);
        if (username != null) {
            request = request.with(user(users.loadUserByUsername(username)));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    List<Map<String, Object>> log(long processId, String action) {
        return jdbc.queryForList("SELECT * FROM report_access_log WHERE process_id = ? AND action = ? ORDER BY id",
                processId, action);
    }

    static void assertNotFound(MockHttpServletResponse response) throws Exception {
        assertEquals(404, response.getStatus());
        assertTrue(response.getContentType().startsWith("text/plain"), response.getContentType());
        assertTrue(response.getContentAsString(StandardCharsets.UTF_8).contains("The report was not found"),
                response.getContentAsString(StandardCharsets.UTF_8));
        String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        // (Spring may add "inline;filename=f.txt" against reflected file downloads when the path has an extension.)
        assertTrue(disposition == null || !disposition.startsWith("attachment"), "no file: " + disposition);
    }

    static boolean isPdf(byte[] bytes) {
        return bytes.length > 4 && Arrays.equals(Arrays.copyOf(bytes, 4), "%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theOfficialOfTheProcessGetsThePdfUnderTheServersNameAndTheDownloadIsLogged() throws Exception {
        Published p = published();
        MockHttpServletResponse response = fetch(ReportFiles.href(p.reportId(), ReportFormat.PDF), "official");
        assertEquals(200, response.getStatus());
        assertEquals("application/pdf", response.getContentType());
        String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        String name = "gongnon-process-" + p.processId() + "-report-v1.pdf";
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.contains("filename=\"" + name + "\""), disposition);
        assertTrue(response.getHeader(HttpHeaders.CACHE_CONTROL).contains("no-store"));
        byte[] pdf = response.getContentAsByteArray();
        assertTrue(isPdf(pdf), "a PDF");
        assertEquals(pdf.length, response.getContentLength());

        // The same bytes every time (stored once), and each download is a line of the log.
        MockHttpServletResponse again = fetch(ReportFiles.href(p.reportId(), ReportFormat.PDF), "official");
        assertArrayEquals(pdf, again.getContentAsByteArray());
        List<Map<String, Object>> downloads = log(p.processId(), "DOWNLOAD");
        assertEquals(2, downloads.size());
        assertEquals("official", downloads.getFirst().get("account_name"));
        assertEquals(name, downloads.getFirst().get("file_name"));

        MockHttpServletResponse xlsx = fetch(ReportFiles.href(p.reportId(), ReportFormat.XLSX), "official");
        assertEquals(200, xlsx.getStatus());
        assertEquals(ReportFormat.XLSX.contentType(), xlsx.getContentType());
        assertTrue(xlsx.getHeader(HttpHeaders.CONTENT_DISPOSITION)
                .contains("filename=\"gongnon-process-" + p.processId() + "-report-v1.xlsx\""));
        MockHttpServletResponse csv = fetch(ReportFiles.href(p.reportId(), ReportFormat.CSV), "official");
        assertEquals(200, csv.getStatus());
        assertEquals("application/zip", csv.getContentType());
        assertTrue(csv.getHeader(HttpHeaders.CONTENT_DISPOSITION)
                .contains("filename=\"gongnon-process-" + p.processId() + "-report-v1.csv.zip\""));
    }

    @Test
    void aStaffMemberOfAnotherProcessGetsNotFoundAndTheAttemptIsLogged() throws Exception {
        Published p = published();
        String stranger = signIn.newStaff("dl", StaffRole.FACILITATOR);

        assertNotFound(fetch(ReportFiles.href(p.reportId(), ReportFormat.PDF), stranger));
        List<Map<String, Object>> denied = log(p.processId(), "DENIED");
        assertEquals(1, denied.size(), denied.toString());
        assertEquals(stranger, denied.getFirst().get("account_name"));
        assertEquals(p.reportId(), ((Number) denied.getFirst().get("report_id")).longValue());
        assertTrue(log(p.processId(), "DOWNLOAD").isEmpty(), "nothing was handed out");

        // The official of the process cannot fetch the unpublished draft either: the same answer, logged.
        assertNotFound(fetch(ReportFiles.href(p.draftId(), ReportFormat.PDF), "official"));
        assertEquals(2, log(p.processId(), "DENIED").size());
    }

    @Test
    void unknownAndMalformedAddressesGetTheSamePlainNotFound() throws Exception {
        Published p = published();
        assertNotFound(fetch("/files/reports/" + Long.MAX_VALUE + "/pdf", "official"));
        assertNotFound(fetch("/files/reports/abc/pdf", "official"));
        assertNotFound(fetch("/files/reports/" + p.reportId() + "/docx", "official"));
        assertNotFound(fetch("/files/reports/" + p.reportId() + "/csv.zip", "official"));
        assertTrue(log(p.processId(), "DOWNLOAD").isEmpty());
    }

    @Test
    void aCitizenSignedInWithTheirLinkGetsNotFound() throws Exception {
        Published p = published();
        IssuedAccess access = DemoFixtures.freshAccess(processes, panel, 2);
        MockHttpSession session = (MockHttpSession) mvc.perform(get(DemoFixtures.linkPath(access))
                .session(new MockHttpSession())).andReturn().getRequest().getSession(false);
        SecurityContextHolder.clearContext();
        assertNotFound(mvc.perform(get(ReportFiles.href(p.reportId(), ReportFormat.PDF)).session(session))
                .andReturn().getResponse());
        assertTrue(log(p.processId(), "DOWNLOAD").isEmpty());
    }

    @Test
    void nobodySignedInGetsNoFile() throws Exception {
        Published p = published();
        MockHttpServletResponse response = fetch(ReportFiles.href(p.reportId(), ReportFormat.PDF), null);
        assertEquals(302, response.getStatus(), "sent to sign in");
        assertTrue(response.getRedirectedUrl().endsWith("/login"), response.getRedirectedUrl());
        assertNull(response.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertFalse(isPdf(response.getContentAsByteArray()));
        assertTrue(log(p.processId(), "DOWNLOAD").isEmpty());
    }
}
