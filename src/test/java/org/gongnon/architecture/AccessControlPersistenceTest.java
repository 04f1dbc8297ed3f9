package org.gongnon.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.report.ReportService;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.AgendaKind;
import org.gongnon.scheduling.CitizenScheduleService;
import org.gongnon.scheduling.InvitationService;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.VenueForm;
import org.gongnon.security.Roles;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;
import org.gongnon.security.StaffRole;
import org.gongnon.security.SystemAuthority;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.Questionnaires;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.TestWaves;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Service;

/**
 * Issue 7 §3 on the real database: nobody gets in by changing an id in a request. Citizens stay inside their
 * own response, schedule and process; officials cannot edit; a facilitator of one process sees nothing of another.
 */
@SpringBootTest
class AccessControlPersistenceTest {

    /** Two processes with seated panels, shared by the class (a draw takes seconds). */
    private static Long processA;
    private static Long processB;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessService processes;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    ProgrammeService programme;
    @Autowired
    InvitationService invitations;
    @Autowired
    CitizenScheduleService schedule;
    @Autowired
    PoolService pool;
    @Autowired
    DrawService draws;
    @Autowired
    TargetsService targets;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    ReportService reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    @BeforeEach
    void twoProcesses() {
        if (processA == null) {
            processA = seatedPanels.newProcessWithPanel(TestNames.unique("접근 시험 A"), 20, 150);
            processB = seatedPanels.newProcessWithPanel(TestNames.unique("접근 시험 B"), 20, 150);
        }
    }

    IssuedAccess access(long processId, int nth) {
        PanelRoster roster = signIn.facilitator(() -> seating.roster(processId));
        return signIn.facilitator(() -> panel.issueAccess(roster.members().get(nth).panelMemberId()));
    }

    static String refusal(Runnable attempt) {
        return assertThrows(UserFacingException.class, attempt::run).messageKey();
    }

    StaffAccountSummary newAccount(String prefix, StaffRole role) {
        String name = signIn.newStaff(prefix, role);
        return SystemAuthority.runAsSystem(() -> accounts.listAccounts().stream()
                .filter(a -> a.username().equals(name)).findFirst().orElseThrow());
    }

    long sessionWithInvitations(long processId, String title) {
        return signIn.facilitator(() -> {
            PhasePlan rounds = processes.getProcess(processId).timeline().phases().stream()
                    .filter(p -> p.phase() == Phase.DELIBERATION_ROUNDS).findFirst().orElseThrow();
            LocalDate day = rounds.start().isBefore(LocalDate.now(clock)) ? LocalDate.now(clock).plusDays(1)
                    : rounds.start();
            long roundId = programme.saveRound(new RoundForm(null, 0, processId, title, RoundKind.GRAND_DELIBERATION)).id();
            long venueId = programme.saveVenue(new VenueForm(null, 0, processId, title + " 장소", "서울시 중구", 100, "")).id();
            LocalTime start = LocalTime.of(10, 0);
            long sessionId = programme.saveSession(new SessionForm(null, 0, processId, roundId, title, day, start,
                    start.plusHours(2), venueId, "", null, null, true, "", false,
                    List.of(new AgendaItemForm(start, start.plusHours(2), AgendaKind.PLENARY, "전체토의", ""))), true).id();
            invitations.invite(sessionId);
            return sessionId;
        });
    }

    @Test
    void aCitizenCannotReachAnotherCitizensAnswersOrAnotherProcessByChangingAnId() {
        long waveA = testWaves.open(processA, Questionnaires.everyKind(), "접근 A");
        long waveB = testWaves.open(processB, Questionnaires.everyKind(), "접근 B");
        IssuedAccess first = access(processA, 0);
        IssuedAccess second = access(processA, 1);
        IssuedAccess other = access(processB, 0);
        signIn.citizen(first, () -> {
            citizenSurveys.consent(waveA);
            citizenSurveys.saveAnswer(waveA, "SUPPORT", List.of("5"));
        });
        signIn.citizen(second, () -> {
            // The same wave id gives the second citizen their own (empty) response, never the first one's.
            citizenSurveys.consent(waveA);
            assertTrue(citizenSurveys.open(waveA).answers().isEmpty(), "another citizen's answers are not shown");
            citizenSurveys.saveAnswer(waveA, "SUPPORT", List.of("1"));
            // A wave of another process, by id: no reading, no consent, no answer, no submit, no progress.
            assertEquals("survey.wave.not-found", refusal(() -> citizenSurveys.open(waveB)));
            assertEquals("survey.wave.not-found", refusal(() -> citizenSurveys.consent(waveB)));
            assertEquals("survey.wave.not-found", refusal(() -> citizenSurveys.saveAnswer(waveB, "SUPPORT", List.of("1"))));
            assertEquals("survey.wave.not-found", refusal(() -> citizenSurveys.saveProgress(waveB, 1)));
            assertEquals("survey.wave.not-found", refusal(() -> citizenSurveys.submit(waveB)));
            assertTrue(citizenSurveys.myWaves().stream().noneMatch(w -> w.waveId() == waveB));
        });
        signIn.citizen(first, () -> assertEquals(List.of("5"), citizenSurveys.open(waveA).answers().get("SUPPORT"),
                "the second citizen's save did not touch the first one's answer"));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?",
                Integer.class, waveB), "nothing was started in the other process's wave");
        signIn.citizen(other, () -> assertFalse(citizenSurveys.open(waveB).answers().containsKey("SUPPORT")));
    }

    @Test
    void aCitizenCannotAnswerForAnotherProcessesSessionOrSeeItsPeople() {
        long sessionB = sessionWithInvitations(processB, "접근 시험 세션 B");
        long sessionA = sessionWithInvitations(processA, "접근 시험 세션 A");
        IssuedAccess mine = access(processA, 2);
        long memberOfB = signIn.facilitator(() -> seating.roster(processB)).members().get(0).panelMemberId();
        String before = jdbc.queryForObject(
                "SELECT GROUP_CONCAT(status ORDER BY id) FROM invitation WHERE session_id = ?", String.class, sessionB);
        signIn.citizen(mine, () -> {
            assertEquals("scheduling.session.not-found", refusal(() -> schedule.respond(sessionB, false)));
            assertEquals("scheduling.session.not-found", refusal(() -> schedule.respond(Long.MAX_VALUE, false)));
            assertTrue(schedule.mySchedule().sessions().stream().noneMatch(s -> s.sessionId() == sessionB));
            assertTrue(schedule.mySchedule().sessions().stream().anyMatch(s -> s.sessionId() == sessionA));
            assertTrue(panel.namesInMyProcess(List.of(memberOfB)).isEmpty(), "no names from another process");
        });
        assertEquals(before, jdbc.queryForObject(
                "SELECT GROUP_CONCAT(status ORDER BY id) FROM invitation WHERE session_id = ?", String.class, sessionB));
    }

    @Test
    void aCitizenReachesNoStaffServiceAndStaffNoCitizenService() {
        IssuedAccess citizen = access(processA, 3);
        Map<String, Throwable> citizenTries = signIn.citizen(citizen,
                () -> invokeAll(Set.of(Roles.HAS_STAFF, Roles.HAS_ORGANISER, Roles.HAS_ADMIN)));
        assertTrue(citizenTries.size() > 80, "the sweep found the staff methods: " + citizenTries.size());
        assertAllDenied(citizenTries);
        Map<String, Throwable> staffTries = signIn.facilitator(() -> invokeAll(Set.of(Roles.HAS_CITIZEN)));
        assertTrue(staffTries.size() >= 10, "the sweep found the citizen methods: " + staffTries.keySet());
        assertAllDenied(staffTries);
    }

    @Test
    void anOfficialCannotEditAnythingAndIsDeniedBeforeAnyWork() {
        // The official belongs to process A, and every id argument points into A: were the role rule missing,
        // the calls would succeed there.
        signIn.admin(() -> {
            long official = accounts.listAssignableStaff().stream().filter(a -> a.username().equals("official"))
                    .findFirst().orElseThrow().id();
            processes.assignToProcess(processA, official, ProcessRole.OFFICIAL);
        });
        Map<String, Long> before = rowCounts();
        Map<String, Throwable> tries = signIn.as("official",
                () -> invokeAll(Set.of(Roles.HAS_ORGANISER, Roles.HAS_ADMIN)));
        assertTrue(tries.size() > 60, "the sweep found the editing methods: " + tries.size());
        assertAllDenied(tries);
        assertEquals(before, rowCounts(), "no table changed during the sweep");
        // The pages' read-only switches say the same.
        signIn.official(() -> {
            assertFalse(surveys.canEdit(processA));
            assertFalse(recommendations.canEdit(processA));
            assertFalse(reports.canEdit(processA));
            assertFalse(processes.getProcess(processA).canEdit());
        });
        // What an official may do, reading its process, still works.
        assertFalse(signIn.official(() -> processes.getProcess(processA)).form().title().isEmpty());
    }

    @Test
    void membershipAsAnOfficialMakesAProcessReadOnlyEvenForAFacilitatorAccount() {
        // The team page refuses to give a facilitator account an official's seat (team.role-mismatch), so this
        // state is written directly: it checks the second line of defence, membership, on its own.
        StaffAccountSummary reader = newAccount("ro", StaffRole.FACILITATOR);
        assertEquals("team.role-mismatch", refusal(() -> signIn.as("admin",
                () -> processes.assignToProcess(processA, reader.id(), ProcessRole.OFFICIAL))));
        jdbc.update("INSERT INTO process_membership (process_id, account_id, role) VALUES (?, ?, 'OFFICIAL')",
                processA, reader.id());
        Map<String, Long> before = rowCounts();
        signIn.as(reader.username(), () -> {
            assertFalse(processes.getProcess(processA).form().title().isEmpty(), "may read");
            assertFalse(surveys.canEdit(processA));
            assertFalse(recommendations.canEdit(processA));
            List<Runnable> edits = List.of(
                    () -> programme.newSession(processA, null),
                    () -> programme.saveRound(new RoundForm(null, 0, processA, "몰래", RoundKind.EXPERT_FORUM)),
                    () -> programme.saveVenue(new VenueForm(null, 0, processA, "몰래", "주소", 10, "")),
                    () -> surveys.newWaveForm(processA),
                    () -> pool.overview(processA),
                    () -> draws.history(processA),
                    () -> targets.targets(processA),
                    () -> seating.contacts(processA),
                    () -> panel.listPanel(processA),
                    () -> panel.addPanelMember(processA, "몰래"),
                    () -> recommendations.saveThresholds(processA, 50.0, 30.0),
                    () -> reports.createDraft(processA, Locale.KOREAN),
                    () -> processes.updateProcess(processes.getProcess(processA).form()));
            for (Runnable edit : edits) {
                assertEquals("process.read-only", refusal(edit));
            }
        });
        assertEquals(before, rowCounts(), "nothing was saved");
    }

    @Test
    void aFacilitatorOfOneProcessSeesNothingOfAnother() {
        StaffAccountSummary stranger = newAccount("fx", StaffRole.FACILITATOR);
        long waveA = testWaves.draft(processA, Questionnaires.everyKind(), "남의 설문");
        long drawA = signIn.facilitator(() -> draws.history(processA)).getFirst().id();
        signIn.as(stranger.username(), () -> {
            long own = processes.createProcess(ProcessTestForms.titled(TestNames.unique("다른 과정")));
            assertTrue(processes.listMyProcesses().stream().allMatch(p -> p.id() == own), "only their own process");
            Map<String, Runnable> reads = new LinkedHashMap<>();
            reads.put("process", () -> processes.getProcess(processA));
            reads.put("pool", () -> pool.overview(processA));
            reads.put("rejected rows", () -> pool.rejectedRows(processA));
            reads.put("draw history", () -> draws.history(processA));
            reads.put("draw details", () -> draws.details(drawA));
            reads.put("draw export", () -> draws.export(drawA));
            reads.put("targets", () -> targets.targets(processA));
            reads.put("roster", () -> seating.roster(processA));
            reads.put("contacts", () -> seating.contacts(processA));
            reads.put("panel", () -> panel.listPanel(processA));
            reads.put("programme", () -> programme.programme(processA));
            reads.put("waves", () -> surveys.waves(processA));
            reads.put("wave", () -> surveys.wave(waveA));
            reads.put("recommendations", () -> recommendations.items(processA));
            reads.put("results", () -> recommendations.results(processA));
            reads.put("reports", () -> reports.reports(processA));
            reads.forEach((what, read) -> {
                String key = refusal(read);
                assertTrue(key.endsWith("not-found"), what + " is reported as not found, not " + key);
            });
        });
    }

    // --- the reflection sweep ------------------------------------------------------------------------------

    /** Calls every public service method whose rule is one of {@code rules}, with plausible arguments. */
    Map<String, Throwable> invokeAll(Set<String> rules) {
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.gongnon")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                PreAuthorize rule = m.getAnnotation(PreAuthorize.class);
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || rule == null
                        || !rules.contains(rule.value())) {
                    continue;
                }
                String name = type.getSimpleName() + "." + m.getName();
                try {
                    bean.getClass().getMethod(m.getName(), m.getParameterTypes()).invoke(bean, arguments(m));
                    outcomes.put(name, null);
                } catch (InvocationTargetException e) {
                    outcomes.put(name, e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return outcomes;
    }

    /** Ids point at process A, so a missing rule would let the call work on real data. */
    Object[] arguments(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = t == long.class || t == Long.class ? processA
                    : t == int.class || t == Integer.class ? 1
                    : t == boolean.class ? false
                    : t == double.class ? 0.0
                    : t == String.class ? "x"
                    : List.class.isAssignableFrom(t) || t == Collection.class ? List.of()
                    : Set.class.isAssignableFrom(t) ? Set.of()
                    : Map.class.isAssignableFrom(t) ? Map.of()
                    : t == byte[].class ? new byte[0]
                    : t == Locale.class ? Locale.KOREAN
                    : null;
        }
        return args;
    }

    static void assertAllDenied(Map<String, Throwable> outcomes) {
        List<String> notDenied = new ArrayList<>();
        outcomes.forEach((method, thrown) -> {
            if (!(thrown instanceof AuthorizationDeniedException)) {
                notDenied.add(method + " → " + (thrown == null ? "ran" : thrown));
            }
        });
        assertTrue(notDenied.isEmpty(), "not denied by the role rule before any work: " + notDenied);
        outcomes.values().forEach(t -> assertInstanceOf(AuthorizationDeniedException.class, t));
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "DATABASE() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'DATABASECHANGELOG%' ORDER BY 1",
                String.class)) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "`", Long.class));
        }
        return counts;
    }
}
