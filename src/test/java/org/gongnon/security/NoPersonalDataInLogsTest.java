package org.gongnon.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gongnon.base.ValidationException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.OutboxDispatcher;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PoolService;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.ExportFormat;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Section;
import org.gongnon.survey.SurveyExportService;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.gongnon.testsupport.AsCitizen;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Typical flows with personal data — a pool import with names, phones and e-mails, the draw and seating, citizens
 * signing in by link and by code (and with a wrong code), reminders through the outbox and its dispatch, survey
 * answers with free text, an export — while every log line of every logger is captured (the application's own at
 * DEBUG): none may contain a name, phone, e-mail, free-text answer, link token or code.
 */
@SpringBootTest
class NoPersonalDataInLogsTest {

    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    PoolService pool;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    SurveyExportService exports;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger root;
    Logger app;
    Level appLevel;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        app = (Logger) LoggerFactory.getLogger("org.gongnon");
        appLevel = app.getLevel();
        app.setLevel(Level.DEBUG);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        app.setLevel(appLevel);
        SecurityContextHolder.clearContext();
    }

    @Test
    void typicalFlowsLogNoPersonalData() {
        long processId = seatedPanels.newProcessWithPanel(TestNames.unique("로그 시험"), 20, 120);
        signIn.facilitator(() -> pool.overview(processId));
        Set<String> secrets = new LinkedHashSet<>();
        jdbc.queryForList("SELECT name, phone, email FROM pool_member WHERE process_id = ?", processId)
                .forEach(row -> row.values().forEach(v -> {
                    if (v != null && !v.toString().isBlank()) {
                        secrets.add(v.toString());
                    }
                }));
        assertTrue(secrets.size() > 200, "names, phones and e-mails of the pool: " + secrets.size());

        // A wave with an open-text question, opened.
        Question opinion = new Question("WHY", QuestionType.TEXT, LocalText.of("이유를 적어 주세요", "Why?"), null, false,
                false, List.of(), null, null, 500, null, null);
        long waveId = signIn.facilitator(() -> {
            WaveForm form = surveys.newWaveForm(processId);
            long id = surveys.saveWave(processId, null, new WaveForm(1, WaveKind.PRE, LocalText.of("설문", "Survey"),
                    form.opensAt().minusHours(1), form.closesAt(), WaveAudience.WHOLE_PANEL, null, form.purpose(),
                    form.retention(), null));
            surveys.saveQuestionnaire(id, new Questionnaire(List.of(new Section("S1", LocalText.of("의견", "Views"),
                    null, List.of(opinion)))), surveys.wave(id).form().version());
            surveys.open(id);
            return id;
        });

        // Citizens: personal links and codes; one signs in by link and answers in free text, one by code.
        List<Long> members = signIn.facilitator(() -> panel.listPanel(processId)).stream().map(m -> m.id()).toList();
        IssuedAccess first = signIn.facilitator(() -> panel.issueAccess(members.get(0)));
        IssuedAccess second = signIn.facilitator(() -> panel.issueAccess(members.get(1)));
        secrets.add(AsCitizen.tokenOf(first));
        secrets.add(first.code());
        secrets.add(second.code());
        secrets.add(first.code().replace("-", ""));
        String answer = TestNames.unique("우리 동네 옆집 김비밀씨가 반대합니다");
        secrets.add(answer);
        signIn.citizen(first, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "WHY", List.of(answer));
            citizenSurveys.submit(waveId);
        });
        String wrongCode = second.code().substring(0, 5) + (second.code().charAt(5) == 'A' ? "B" : "A")
                + second.code().substring(6);
        secrets.add(wrongCode);
        citizens.checkCode(wrongCode);
        assertEquals(org.gongnon.process.CodeSignInResult.SIGNED_IN, citizens.checkCode(second.code()).result());
        SecurityContextHolder.clearContext();

        // Reminders to everyone else through the outbox (no gateway or mail server here: kept as not sent).
        int queued = signIn.facilitator(() -> surveys.sendReminders(waveId)).queued();
        assertTrue(queued > 0);
        dispatcher.dispatchNow();
        signIn.facilitator(() -> exports.processResponses(processId, ExportFormat.CSV));
        // A refused input that holds personal data: whatever is logged about the refusal must not repeat it.
        String refusedName = "홍길동 850302-1234567";
        secrets.add(refusedName);
        secrets.add("850302-1234567");
        ValidationException refused = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> panel.addPanelMember(processId, refusedName)));
        assertEquals(List.of("displayName"), refused.problems().stream().map(p -> p.field()).toList());

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + throwableText(event.getThrowableProxy()));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(OutboxDispatcher.class.getName() + " ")),
                "the application's own log lines are captured: " + lines);
        List<String> leaks = new ArrayList<>();
        for (String line : lines) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + line);
                }
            }
        }
        assertTrue(leaks.isEmpty(), "personal data in the logs: " + leaks);
    }

    static String throwableText(IThrowableProxy proxy) {
        StringBuilder s = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            s.append(" | ").append(p.getClassName()).append(": ").append(p.getMessage());
            for (StackTraceElementProxy frame : p.getStackTraceElementProxyArray()) {
                s.append(' ').append(frame.getSTEAsString());
            }
        }
        return s.toString();
    }
}
