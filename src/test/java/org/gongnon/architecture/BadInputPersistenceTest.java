package org.gongnon.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.MinorityOpinionForm;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.PoolCheck;
import org.gongnon.recruitment.PoolFilePreview;
import org.gongnon.recruitment.PoolMemberRow;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.RecruitmentTargets;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.recruitment.ToleranceMode;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ReportService;
import org.gongnon.report.ResponseForm;
import org.gongnon.report.ResponseStatus;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.AgendaKind;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.VenueForm;
import org.gongnon.security.NewStaffAccount;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;
import org.gongnon.security.StaffRole;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Questionnaires;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.TestWaves;
import org.gongnon.survey.WaveForm;
import org.gongnon.testsupport.NastyStrings;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 7 §5 on the real database: every nasty input ({@link NastyStrings}) given to the import, to survey answers
 * and to the main forms is either refused with a message the user can read (a key present in both translation
 * files) and nothing saved, or saved and read back as the same text. Anything else — an exception that is not a
 * refusal, a half-saved form, a changed text — is collected and reported together.
 */
@SpringBootTest
class BadInputPersistenceTest {

    private static Long processId;
    private static Properties korean;
    private static Properties english;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PoolService pool;
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
    RecommendationService recommendations;
    @Autowired
    ReportService reports;
    @Autowired
    GovernmentResponseService responses;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    /** What went wrong, one line per input and place; empty when everything behaved. */
    final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void translations() throws IOException {
        korean = load("/vaadin-i18n/translations.properties");
        english = load("/vaadin-i18n/translations_en.properties");
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BadInputPersistenceTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @BeforeEach
    void process() {
        if (processId == null) {
            processId = seatedPanels.newProcessWithPanel(TestNames.unique("입력 시험"), 20, 150);
        }
    }

    // --- the rule --------------------------------------------------------------------------------------------

    /**
     * Runs one save-and-read-back. A refusal must carry translated keys and leave every table as it was; a save
     * must read back {@code expected}.
     */
    void saveOrRefuse(String place, String name, String expected, Supplier<String> saveAndReadBack) {
        Map<String, Long> before = rowCounts();
        String label = place + " with " + name + " [" + NastyStrings.describe(expected == null ? "" : expected) + "]";
        try {
            String stored = saveAndReadBack.get();
            if (!java.util.Objects.equals(expected, stored)) {
                failures.add(label + ": stored as [" + NastyStrings.describe(String.valueOf(stored)) + "]");
            }
        } catch (UserFacingException refused) {
            List<String> keys = refused instanceof ValidationException v
                    ? v.problems().stream().map(ValidationException.FieldProblem::messageKey).toList()
                    : List.of(refused.messageKey());
            for (String key : keys) {
                if (!korean.containsKey(key) || !english.containsKey(key)) {
                    failures.add(label + ": refused with untranslated key " + key);
                }
            }
            Map<String, Long> after = rowCounts();
            if (!before.equals(after)) {
                failures.add(label + ": refused (" + keys + ") but rows changed: " + changed(before, after));
            }
        } catch (RuntimeException crash) {
            failures.add(label + ": crashed with " + crash);
        }
    }

    void assertNoFailures() {
        assertTrue(failures.isEmpty(), failures.size() + " bad outcomes:\n" + String.join("\n", failures));
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

    static String changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> diff = new ArrayList<>();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                diff.add(t + " " + before.get(t) + "→" + n);
            }
        });
        return diff.toString();
    }

    LocalDate deliberationDay() {
        PhasePlan rounds = signIn.facilitator(() -> processes.getProcess(processId)).timeline().phases().stream()
                .filter(p -> p.phase() == Phase.DELIBERATION_ROUNDS).findFirst().orElseThrow();
        return rounds.start().isBefore(LocalDate.now(clock)) ? LocalDate.now(clock).plusDays(1) : rounds.start();
    }

    // --- forms -----------------------------------------------------------------------------------------------

    @Test
    void processRoundVenueAndSessionForms() {
        long roundId = signIn.facilitator(() -> programme.saveRound(new RoundForm(null, 0, processId, "입력 시험 회차",
                RoundKind.OTHER)).id());
        LocalDate day = deliberationDay();
        int[] hour = {7};
        NastyStrings.ALL.forEach((name, value) -> {
            String expected = value.strip();
            saveOrRefuse("process title", name, expected, () -> signIn.facilitator(() -> {
                long id = processes.createProcess(ProcessTestForms.titled(value));
                return processes.getProcess(id).form().title();
            }));
            saveOrRefuse("process description", name, expected, () -> signIn.facilitator(() -> {
                ProcessForm f = ProcessTestForms.titled("설명 시험");
                long id = processes.createProcess(new ProcessForm(f.id(), f.version(), f.title(), f.publicQuestion(),
                        value, f.organiser(), f.status(), f.retentionDate(), f.phases()));
                return processes.getProcess(id).form().description();
            }));
            saveOrRefuse("round title", name, expected, () -> signIn.facilitator(() -> {
                long id = programme.saveRound(new RoundForm(null, 0, processId, value, RoundKind.OTHER)).id();
                return programme.programme(processId).rounds().stream().filter(r -> r.id() == id).findFirst()
                        .orElseThrow().title();
            }));
            saveOrRefuse("venue name", name, expected, () -> signIn.facilitator(() -> {
                long id = programme.saveVenue(new VenueForm(null, 0, processId, value, "서울시 중구", 50, "")).id();
                return programme.programme(processId).venues().stream().filter(v -> v.id() == id).findFirst()
                        .orElseThrow().name();
            }));
            // An optional field left empty is stored as no value at all.
            saveOrRefuse("venue accessibility", name, expected.isEmpty() ? null : expected, () -> signIn.facilitator(() -> {
                long id = programme.saveVenue(new VenueForm(null, 0, processId, TestNames.unique("장소"),
                        "서울시 중구", 50, value)).id();
                return programme.programme(processId).venues().stream().filter(v -> v.id() == id).findFirst()
                        .orElseThrow().accessibility();
            }));
            // Sessions one hour apart, so overlapping-time warnings do not get in the way.
            LocalTime start = LocalTime.of(hour[0]++ % 22, 0);
            saveOrRefuse("session title", name, expected, () -> signIn.facilitator(() -> {
                long id = programme.saveSession(new SessionForm(null, 0, processId, roundId, value, day, start,
                        start.plusMinutes(50), null, "https://meet.example/x", null, null, false, "", false,
                        List.of(new AgendaItemForm(start, start.plusMinutes(50), AgendaKind.OTHER, "안건", ""))),
                        true).id();
                return programme.session(id).title();
            }));
            saveOrRefuse("session agenda item", name, expected, () -> signIn.facilitator(() -> {
                long id = programme.saveSession(new SessionForm(null, 0, processId, roundId, "안건 시험", day, start,
                        start.plusMinutes(50), null, "https://meet.example/x", null, null, false, value, false,
                        List.of(new AgendaItemForm(start, start.plusMinutes(50), AgendaKind.OTHER, value, value))),
                        true).id();
                return programme.session(id).agenda().getFirst().title();
            }));
        });
        assertNoFailures();
    }

    @Test
    void waveRecommendationOpinionAndAccountForms() {
        NastyStrings.ALL.forEach((name, value) -> {
            String expected = value.strip();
            saveOrRefuse("wave title", name, expected, () -> signIn.facilitator(() -> {
                WaveForm f = surveys.newWaveForm(processId);
                long id = surveys.saveWave(processId, null, new WaveForm(f.number(), f.kind(), LocalText.of(value, value),
                        f.opensAt(), f.closesAt(), f.audience(), null, f.purpose(), f.retention(), null));
                return surveys.wave(id).form().title().ko();
            }));
            saveOrRefuse("recommendation item", name, expected, () -> signIn.facilitator(() -> {
                long id = recommendations.save(ItemForm.newItem(processId, value, value)).itemId();
                return recommendations.item(id).title();
            }));
            long itemId = signIn.facilitator(() -> recommendations.save(ItemForm.newItem(processId,
                    TestNames.unique("소수의견 시험"), "본문")).itemId());
            saveOrRefuse("minority opinion", name, expected, () -> signIn.facilitator(() -> {
                long id = recommendations.saveMinorityOpinion(itemId, new MinorityOpinionForm(null, value, value, 3));
                ItemResult item = recommendations.results(processId).items().stream()
                        .filter(i -> i.itemId() == itemId).findFirst().orElseThrow();
                return item.minorityOpinions().stream().filter(o -> o.id() == id).findFirst().orElseThrow().position();
            }));
            saveOrRefuse("account display name", name, expected, () -> signIn.admin(() -> {
                StaffAccountSummary a = accounts.createAccount(new NewStaffAccount(
                        "fz" + TestNames.token(), value, StaffRole.OFFICIAL,
                        "a-long-password-1"));
                return accounts.findAccount(a.id()).orElseThrow().displayName();
            }));
            saveOrRefuse("account username", name, expected.toLowerCase(Locale.ROOT), () -> signIn.as("admin",
                    () -> accounts.createAccount(new NewStaffAccount(value, "이름", StaffRole.OFFICIAL,
                            "a-long-password-1")).username()));
        });
        assertNoFailures();
    }

    @Test
    void governmentResponses() {
        long responding = seatedPanels.newProcessWithPanel(TestNames.unique("응답 시험"), 20, 150);
        long reportId = signIn.facilitator(() -> {
            recommendations.save(ItemForm.newItem(responding, "권고 1", "본문"));
            long id = reports.createDraft(responding, Locale.KOREAN).id();
            reports.review(id, null);
            return reports.publish(id, null).id();
        });
        signIn.admin(() -> {
            long official = accounts.listAssignableStaff().stream().filter(a -> a.username().equals("official"))
                    .findFirst().orElseThrow().id();
            processes.assignToProcess(responding, official, org.gongnon.process.ProcessRole.OFFICIAL);
        });
        NastyStrings.ALL.forEach((name, value) -> saveOrRefuse("government response", name, value.strip(),
                () -> signIn.official(() -> responses.record(new ResponseForm(reportId, 1,
                        ResponseStatus.ACCEPTED, value, LocalDate.now(clock).plusMonths(1))).response().explanation())));
        assertNoFailures();
    }

    // --- survey answers --------------------------------------------------------------------------------------

    @Test
    void surveyAnswersOfEveryKind() {
        long waveId = testWaves.open(processId, Questionnaires.everyKind(), "입력 시험 설문");
        PanelRoster roster = signIn.facilitator(() -> seating.roster(processId));
        IssuedAccess me = signIn.facilitator(() -> panel.issueAccess(roster.members().get(0).panelMemberId()));
        signIn.citizen(me, () -> citizenSurveys.consent(waveId));
        NastyStrings.ALL.forEach((name, value) -> {
            // Q6 is free text (at most 200 characters); the others take codes or numbers only.
            for (String question : List.of("Q6", "Q1", "SOURCES", "RANK", "SUPPORT", "NEARBY", "YEARS")) {
                saveOrRefuse("answer to " + question, name, value, () -> signIn.citizen(me, () -> {
                    citizenSurveys.saveAnswer(waveId, question, List.of(value));
                    List<String> stored = citizenSurveys.open(waveId).answers().get(question);
                    return stored == null ? null : String.join("|", stored);
                }));
            }
        });
        assertNoFailures();
    }

    // --- the pool import -------------------------------------------------------------------------------------

    static String quoted(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** The synthetic pool's CSV with column {@code column} of row i replaced by the i-th of {@code values}. */
    static byte[] poolCsv(int column, List<String> values) {
        String[] lines = new String(SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED,
                values.size() + 5)), StandardCharsets.UTF_8).split("\r\n");
        StringBuilder csv = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (i - 1 < values.size()) {
                cells[column] = quoted(values.get(i - 1));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Test
    void poolImportWithNastyNamesAndDistricts() {
        long importing = signIn.facilitator(() -> {
            long id = processes.createProcess(ProcessTestForms.titled(TestNames.unique("명단 시험")));
            RecruitmentTargets seoul = targets.seoulDefaults("test");
            targets.save(id, new RecruitmentTargets(10, ToleranceMode.SEATS, 2, 2, seoul.sharesSource(),
                    seoul.features()));
            return id;
        });
        PoolCheck.Translator keys = (key, args) -> key;
        // A NUL byte makes the whole file look binary: it is refused as unreadable, before any row is looked at.
        byte[] binary = poolCsv(0, List.of(NastyStrings.CONTROL));
        for (String step : List.of("preview", "check", "import")) {
            saveOrRefuse("pool file " + step, "a NUL byte", "(refused)", () -> signIn.facilitator(() -> switch (step) {
                case "preview" -> pool.preview(importing, "nul.csv", binary).fileName();
                case "check" -> String.valueOf(pool.check(importing, "nul.csv", binary,
                        pool.preview(importing, "ok.csv", poolCsv(0, List.of())).guessed(), (d, t) -> { }).rowCount());
                default -> pool.importFile(importing, "nul.csv", binary,
                        pool.preview(importing, "ok.csv", poolCsv(0, List.of())).guessed(), true, keys, n -> { })
                        .fileName();
            }));
        }
        assertNoFailures();
        // Every other nasty string, NUL taken out of the control characters, row by row.
        List<String> values = NastyStrings.ALL.values().stream().map(v -> v.replace("\u0000", "")).toList();
        List<String> names = new ArrayList<>(NastyStrings.ALL.keySet());
        for (int column : new int[] {0, 3}) {
            byte[] csv = poolCsv(column, values);
            PoolFilePreview preview = signIn.facilitator(() -> pool.preview(importing, "nasty.csv", csv));
            assertEquals(values.size() + 5, preview.rowCount(), "every row read, line breaks in quotes included");
            PoolCheck check = signIn.facilitator(() -> pool.check(importing, "nasty.csv", csv, preview.guessed(), (done, total) -> { }));
            for (PoolCheck.RejectedRow rejected : check.rejectedRows()) {
                rejected.problems().forEach(p -> {
                    if (!korean.containsKey(p.messageKey()) || !english.containsKey(p.messageKey())) {
                        failures.add("pool row " + rejected.rowNumber() + ": untranslated " + p.messageKey());
                    }
                });
            }
            // The whole file is refused while rows have problems, and nothing of it is stored.
            if (!check.isClean()) {
                saveOrRefuse("whole pool file, column " + column, "every nasty string", "(refused)", () -> signIn.facilitator(
                        () -> pool.importFile(importing, "nasty.csv", csv, preview.guessed(), false, keys, n -> { })
                                .fileName()));
            }
            saveOrRefuse("valid rows of the pool file, column " + column, "every nasty string", "nasty.csv",
                    () -> signIn.facilitator(() -> pool.importFile(importing, "nasty.csv", csv, preview.guessed(), true, keys,
                            n -> { }).fileName()));
            List<PoolMemberRow> stored = signIn.facilitator(() -> pool.overview(importing)).members();
            for (int i = 0; i < values.size(); i++) {
                int row = i + 2; // the header is row 1
                PoolMemberRow member = stored.stream().filter(m -> m.sourceRow() == row).findFirst().orElse(null);
                boolean rejected = check.rejectedRows().stream().anyMatch(r -> r.rowNumber() == row);
                String value = values.get(i);
                if (member == null && !rejected) {
                    failures.add("pool column " + column + " " + names.get(i) + ": neither stored nor rejected");
                } else if (member != null && column == 0
                        && !member.name().equals(WHITESPACE.matcher(value.strip()).replaceAll(" "))) {
                    failures.add("pool name " + names.get(i) + ": stored as " + NastyStrings.describe(member.name()));
                } else if (member != null && column == 3) {
                    failures.add("pool district " + names.get(i) + ": accepted as a district: " + member.district());
                }
            }
            // Rejected rows go back to the facilitator as a CSV: formulas in it must stay text.
            String rejectedCsv = new String(signIn.facilitator(() -> pool.rejectedRows(importing)), StandardCharsets.UTF_8);
            for (String formula : List.of(NastyStrings.FORMULA, NastyStrings.PLUS, NastyStrings.AT)) {
                if (check.rejectedRows().stream().anyMatch(r -> r.cells().contains(formula))) {
                    assertTrue(rejectedCsv.contains("'" + formula), "guarded in the rejected rows: " + formula);
                    assertTrue(!rejectedCsv.contains("," + formula) && !rejectedCsv.contains("\"" + formula),
                            "never unguarded: " + formula);
                }
            }
        }
        assertNoFailures();
    }
}
