package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gongnon.algorithms.stats.FeatureComparison;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The recruitment step end to end on the real embedded MariaDB: targets, pool import, draws, replacements. */
@SpringBootTest
class RecruitmentPersistenceTest {

    static final PoolCheckTranslator KEYS = new PoolCheckTranslator();

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PoolService pool;
    @Autowired
    DrawService draws;
    @Autowired
    JdbcTemplate jdbc;

    long processId;

    @BeforeEach
    void newProcess() {
        ProcessForm form = ProcessTestForms.titled(TestNames.unique("모집 시험"));
        processId = signIn.facilitator(() -> processes.createProcess(form));
    }

    /** Seoul's defaults, scaled down: a 30-person panel from a 300-person synthetic pool. */
    RecruitmentTargets smallSeoulTargets() {
        RecruitmentTargets seoul = signIn.facilitator(() -> targets.seoulDefaults("test"));
        return new RecruitmentTargets(30, ToleranceMode.SEATS, 2, 6, seoul.sharesSource(), seoul.features());
    }

    static byte[] syntheticCsv(int size) {
        return SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, size));
    }

    PoolImportSummary importCsv(byte[] csv, boolean onlyValid) {
        return signIn.facilitator(() -> {
            PoolFilePreview preview = pool.preview(processId, "pool.csv", csv);
            return pool.importFile(processId, "pool.csv", csv, preview.guessed(), onlyValid, KEYS, n -> { });
        });
    }

    @Test
    void targetsRoundTripAndInvalidTargetsSaveNothing() {
        RecruitmentTargets saved = signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        assertEquals(30, saved.panelSize());
        assertEquals(List.of("권역", "성별", "연령대"), saved.features().stream().map(FeatureTarget::feature).toList());
        assertEquals(smallSeoulTargets().features(), saved.features());
        assertEquals(FeatureDerivation.REGION_FROM_DISTRICT, saved.features().getFirst().derivation());

        List<FeatureTarget> broken = new ArrayList<>(saved.features());
        FeatureTarget gender = broken.get(1);
        broken.set(1, new FeatureTarget(gender.feature(), gender.derivation(), List.of(
                new ValueTarget("남성", 0.7, null, null), new ValueTarget("여성", 0.7, 5, null))));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> targets.save(processId, saved.withFeatures(broken))));
        Set<String> keys = refused.problems().stream().map(ValidationException.FieldProblem::messageKey)
                .collect(Collectors.toSet());
        assertEquals(Set.of("recruitment.targets.shares-sum", "recruitment.targets.quota-both"), keys);
        assertEquals(saved, signIn.facilitator(() -> targets.targets(processId)).orElseThrow(), "nothing of the refused targets was saved");
    }

    @Test
    void quotaTableUsesLargestRemainderToleranceAndAdjustments() {
        RecruitmentTargets saved = signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        List<QuotaRow> rows = signIn.facilitator(() -> targets.quotaTable(processId));
        assertEquals(5 + 2 + 6, rows.size());
        for (String feature : List.of("권역", "성별", "연령대")) {
            assertEquals(30, rows.stream().filter(r -> r.feature().equals(feature)).mapToInt(QuotaRow::seats).sum(),
                    feature + " seats add up to the panel");
        }
        QuotaRow men = rows.stream().filter(r -> r.value().equals("남성")).findFirst().orElseThrow();
        assertEquals(men.seats() - 2, men.min());
        assertEquals(men.seats() + 2, men.max());
        assertFalse(men.adjusted());

        List<FeatureTarget> features = new ArrayList<>(saved.features());
        FeatureTarget gender = features.get(1);
        features.set(1, new FeatureTarget(gender.feature(), gender.derivation(), List.of(
                gender.values().get(0).withQuota(10, 20), gender.values().get(1))));
        signIn.facilitator(() -> targets.save(processId, saved.withFeatures(features)));
        QuotaRow adjusted = signIn.facilitator(() -> targets.quotaTable(processId)).stream().filter(r -> r.value().equals("남성"))
                .findFirst().orElseThrow();
        assertTrue(adjusted.adjusted());
        assertEquals(10, adjusted.min());
        assertEquals(20, adjusted.max());
        assertEquals(men.computedMin(), adjusted.computedMin());
    }

    @Test
    void aCleanFileGoesInWholeAndAFileWithProblemsOnlyWhenAskedFor() {
        signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        PoolImportSummary first = importCsv(syntheticCsv(300), false);
        assertEquals(300, first.acceptedRows());
        assertEquals(0, first.rejectedRows());
        assertEquals(300, count("SELECT COUNT(*) FROM pool_member WHERE process_id = ?"));
        PoolOverview overview = signIn.facilitator(() -> pool.overview(processId));
        assertEquals(300, overview.members().size());
        assertEquals(300L, overview.counts().get("성별").values().stream().mapToLong(Long::longValue).sum());

        // Two bad rows: an unknown district and an ID-number-shaped value.
        String text = new String(syntheticCsv(40), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        lines[3] = lines[3].replaceFirst(",[^,]*구,", ",부산진구,");
        lines[5] = lines[5].replaceFirst("^[^,]*,", "900101-1234567,");
        byte[] withProblems = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);

        UserFacingException refused = assertThrows(UserFacingException.class, () -> importCsv(withProblems, false));
        assertEquals("recruitment.import.has-problems", refused.messageKey());
        assertEquals(300, count("SELECT COUNT(*) FROM pool_member WHERE process_id = ?"), "the old pool is untouched");

        PoolImportSummary validOnly = importCsv(withProblems, true);
        assertEquals(38, validOnly.acceptedRows());
        assertEquals(2, validOnly.rejectedRows());
        assertEquals(38, count("SELECT COUNT(*) FROM pool_member WHERE process_id = ?"));
        String rejected = new String(signIn.facilitator(() -> pool.rejectedRows(processId)), StandardCharsets.UTF_8);
        assertEquals(3, rejected.strip().split("\r\n").length, "a header and the two rejected rows");
        assertFalse(rejected.contains("900101-1234567"), "ID numbers are masked in the download");
    }

    @Test
    void tenThousandRowsImportWholeWithProgressReports() {
        signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate(11L, 10_000));
        List<Integer> reported = new ArrayList<>();
        PoolImportSummary summary = signIn.facilitator(() -> {
            PoolFilePreview preview = pool.preview(processId, "big.csv", csv);
            assertEquals(10_000, preview.rowCount());
            return pool.importFile(processId, "big.csv", csv, preview.guessed(), false, KEYS, reported::add);
        });
        assertEquals(10_000, summary.acceptedRows());
        assertEquals(10_000, count("SELECT COUNT(*) FROM pool_member WHERE process_id = ?"));
        assertTrue(reported.size() >= 20, "progress is reported as batches are written: " + reported.size());
        assertEquals(10_000, reported.getLast());
    }

    @Test
    void drawsAreRecordedReproducibleAndLockThePool() throws IOException {
        signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        importCsv(syntheticCsv(300), false);
        DrawPreparation prepared = signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.LEXIMIN));
        assertTrue(prepared.feasible());
        assertTrue(prepared.fingerprint().matches("[0-9a-f]{64}"), prepared.fingerprint());
        assertEquals(300, prepared.poolSize());
        assertNotEquals(prepared.fingerprint(), signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.MAXIMIN)).fingerprint(),
                "the algorithm is part of the inputs");

        DrawSummary first = signIn.facilitator(() -> draws.draw(processId, DrawAlgorithm.LEXIMIN, 20261122L, prepared.fingerprint()));
        DrawSummary second = signIn.facilitator(() -> draws.draw(processId, DrawAlgorithm.LEXIMIN, 20261122L, prepared.fingerprint()));
        DrawDetails a = signIn.facilitator(() -> draws.details(first.id()));
        DrawDetails b = signIn.facilitator(() -> draws.details(second.id()));
        assertEquals(30, a.currentPanel().size());
        assertEquals(6, a.reserves().size());
        assertEquals(ids(a.currentPanel()), ids(b.currentPanel()), "same inputs and seed, same panel");
        assertEquals(ids(a.reserves()), ids(b.reserves()), "and the same reserves, in the same order");
        for (DrawDetails.DrawQuota q : a.quotas()) {
            assertTrue(q.drawn() >= q.min() && q.drawn() <= q.max(), q.toString());
        }
        double sum = a.pool().stream().mapToDouble(DrawDetails.Selection::probability).sum();
        assertEquals(30.0, sum, 1e-6, "selection probabilities add up to the panel size");
        assertEquals(first.minProbability(), a.pool().stream().mapToDouble(DrawDetails.Selection::probability).min()
                .orElseThrow(), 1e-12);
        assertEquals(List.of(second, first), signIn.facilitator(() -> draws.history(processId)));

        UserFacingException locked = assertThrows(UserFacingException.class, () -> importCsv(syntheticCsv(300), false));
        assertEquals("recruitment.pool.locked", locked.messageKey());

        Map<String, String> zip = unzip(signIn.facilitator(() -> draws.export(first.id())));
        assertEquals(Set.of("record.txt", "quotas.csv", "people.csv", "probabilities.csv", "distribution.csv",
                "panel.csv", "reserves.csv", "replacements.csv"), zip.keySet());
        assertTrue(zip.get("record.txt").contains("fingerprint_sha256=" + prepared.fingerprint()));
        assertTrue(zip.get("record.txt").contains("seed=20261122"));
        assertTrue(zip.get("record.txt").contains("\ncertificate=relaxation-reached\n"), zip.get("record.txt"));
        assertTrue(zip.get("record.txt").matches("(?s).*\ndrawn_at=\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+09:00\n.*"),
                "times in the process's zone with the offset: " + zip.get("record.txt"));
        assertEquals(first.minProbability(), first.certificate().orElseThrow().relaxationBound(), 1e-7);
        // Kept (changelog 016): empty for the relaxation certificate; null would mean a record from before.
        assertEquals("", first.certificate().orElseThrow().levelsClosedBy());
        assertEquals(31, zip.get("panel.csv").strip().split("\n").length);
        assertEquals(301, zip.get("probabilities.csv").strip().split("\n").length);

        List<FeatureComparison> report = signIn.facilitator(() -> draws.representativeness(first.id()));
        assertEquals(List.of("권역", "성별", "연령대"), report.stream().map(FeatureComparison::feature).toList());
    }

    @Test
    void conflictingQuotasAreNamedWithTheSmallestRelaxationWhichCanBeApplied() {
        RecruitmentTargets saved = signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        importCsv(syntheticCsv(300), false);
        long central = signIn.facilitator(() -> pool.overview(processId)).counts().get("권역").get("도심권");
        List<FeatureTarget> features = new ArrayList<>(saved.features());
        FeatureTarget region = features.getFirst();
        features.set(0, new FeatureTarget(region.feature(), region.derivation(), region.values().stream()
                .map(v -> v.value().equals("도심권") ? v.withQuota((int) central + 3, (int) central + 5) : v).toList()));
        signIn.facilitator(() -> targets.save(processId, saved.withFeatures(features)));

        DrawPreparation infeasible = signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.LEXIMIN));
        assertFalse(infeasible.feasible());
        QuotaConflict conflict = infeasible.conflicts().stream().filter(c -> c.value().equals("도심권")).findFirst()
                .orElseThrow();
        assertEquals(central, conflict.poolCount());
        assertEquals(central + 3, conflict.min());
        // At most what the pool has; lower still if the other regions' minimums leave fewer seats.
        assertTrue(conflict.relaxedMin() <= central, conflict.toString());
        UserFacingException refused = assertThrows(UserFacingException.class, () -> signIn.facilitator(() -> draws.draw(processId,
                DrawAlgorithm.LEXIMIN, 1L, infeasible.fingerprint())));
        assertEquals("recruitment.draw.infeasible-short", refused.messageKey());

        signIn.facilitator(() -> targets.applyRelaxation(processId, infeasible.conflicts()));
        assertTrue(signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.LEXIMIN)).feasible());
    }

    @Test
    void aStaleFingerprintIsRefusedAndNothingIsRecorded() {
        signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        importCsv(syntheticCsv(300), false);
        String announced = signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.LEXIMIN)).fingerprint();
        RecruitmentTargets t = signIn.facilitator(() -> targets.targets(processId)).orElseThrow();
        signIn.facilitator(() -> targets.save(processId, new RecruitmentTargets(31, t.toleranceMode(), t.tolerance(), t.reserveCount(),
                t.sharesSource(), t.features())));
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> draws.draw(processId, DrawAlgorithm.LEXIMIN, 1L, announced)));
        assertEquals("recruitment.draw.inputs-changed", refused.messageKey());
        assertEquals(0, count("SELECT COUNT(*) FROM sortition_draw WHERE process_id = ?"));
    }

    @Test
    void aDeclineIsReplacedFromTheSameStratumAndRecorded() {
        signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        importCsv(syntheticCsv(300), false);
        String fingerprint = signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.LEXIMIN)).fingerprint();
        long drawId = signIn.facilitator(() -> draws.draw(processId, DrawAlgorithm.LEXIMIN, 7L, fingerprint)).id();
        DrawDetails before = signIn.facilitator(() -> draws.details(drawId));

        // Someone whose stratum still has a reserve.
        DrawDetails.Selection leaving = before.currentPanel().stream()
                .filter(p -> before.reserves().stream().anyMatch(r -> sameStratum(r, p, before.features())))
                .findFirst().orElseThrow();
        ReplacementProposal proposal = signIn.facilitator(() -> draws.proposeReplacement(drawId, leaving.member().id()));
        assertTrue(proposal.sameStratum());
        DrawDetails.Selection expected = before.reserves().stream()
                .filter(r -> sameStratum(r, leaving, before.features())).findFirst().orElseThrow();
        assertEquals(expected.member(), proposal.reserve().orElseThrow(), "the first reserve of that stratum");

        signIn.facilitator(() -> draws.recordReplacement(drawId, leaving.member().id(), "개인 사정"));
        DrawDetails after = signIn.facilitator(() -> draws.details(drawId));
        assertEquals(30, after.currentPanel().size());
        assertEquals(DrawDetails.SeatStatus.DECLINED, after.member(leaving.member().id()).orElseThrow().status());
        assertEquals(DrawDetails.SeatStatus.REPLACEMENT, after.member(expected.member().id()).orElseThrow().status());
        assertEquals(1, after.replacements().size());
        assertEquals("개인 사정", after.replacements().getFirst().reason());
        for (DrawDetails.DrawQuota q : after.quotas()) {
            assertTrue(q.now() >= q.min() && q.now() <= q.max(), q.toString());
        }
        UserFacingException twice = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> draws.recordReplacement(drawId, leaving.member().id(), null)));
        assertEquals("recruitment.replace.not-on-panel", twice.messageKey());
        assertEquals(1, count("SELECT COUNT(*) FROM draw_replacement r JOIN sortition_draw d ON d.id = r.draw_id "
                + "WHERE d.process_id = ?"));
    }

    @Test
    void officialsAndOtherFacilitatorsCannotReachRecruitment() {
        signIn.facilitator(() -> targets.save(processId, smallSeoulTargets()));
        assertThrows(AuthorizationDeniedException.class,
                () -> signIn.official(() -> pool.overview(processId)));
        assertThrows(AuthorizationDeniedException.class,
                () -> signIn.official(() -> draws.history(processId)));
    }

    private static boolean sameStratum(DrawDetails.Selection a, DrawDetails.Selection b, List<String> features) {
        return features.stream().allMatch(f -> a.member().value(f).equals(b.member().value(f)));
    }

    private static List<Long> ids(List<DrawDetails.Selection> people) {
        return people.stream().map(s -> s.member().id()).toList();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, processId);
    }

    /** The entries of a draw record, by name, as UTF-8 text. */
    static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Problem texts in the rejected-rows file: here simply the keys, which is enough to count rows. */
    static final class PoolCheckTranslator implements PoolCheck.Translator {
        @Override
        public String translate(String key, Object... args) {
            return key;
        }
    }
}
