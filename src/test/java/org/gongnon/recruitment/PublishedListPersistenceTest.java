package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.cli.SortitionCommand;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The uniform lottery over a published list, on the real embedded MariaDB: the list is computed and recorded
 * once, the number drawn picks its panel, the draw's record ZIP (with the list) verifies with `sortition verify`
 * alone, and a list whose inputs changed cannot be drawn from.
 */
@SpringBootTest
class PublishedListPersistenceTest {

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
    PublishedListService lists;

    @TempDir
    Path temp;

    long processId;

    @BeforeEach
    void newProcessWithPool() {
        ProcessForm form = ProcessTestForms.titled(TestNames.unique("공개 목록 추첨"));
        processId = signIn.facilitator(() -> processes.createProcess(form));
        RecruitmentTargets seoul = signIn.facilitator(() -> targets.seoulDefaults("test"));
        signIn.facilitator(() -> targets.save(processId,
                new RecruitmentTargets(30, ToleranceMode.SEATS, 2, 6, seoul.sharesSource(), seoul.features())));
        byte[] csv = RecruitmentPersistenceTest.syntheticCsv(300);
        signIn.facilitator(() -> {
            PoolFilePreview preview = pool.preview(processId, "pool.csv", csv);
            return pool.importFile(processId, "pool.csv", csv, preview.guessed(), false,
                    RecruitmentPersistenceTest.KEYS, n -> { });
        });
    }

    @Test
    void aPublishedListIsDrawnFromByNumberAndItsRecordVerifiesAlone() throws IOException {
        DrawPreparation prepared = signIn.facilitator(() -> lists.prepare(processId, 200));
        assertTrue(prepared.feasible());
        assertTrue(prepared.algorithmVersion().contains("uniform-panels/1 M=200"), prepared.algorithmVersion());
        PublishedListSummary published = signIn.facilitator(() -> lists.publish(processId, 200, prepared.fingerprint()));
        assertEquals(prepared.fingerprint(), published.fingerprint());
        assertEquals(200, published.panelCount());
        assertTrue(published.loss() <= 0.02, "loss " + published.loss());

        PublishedList list = signIn.facilitator(() -> lists.list(processId, published.id()));
        assertEquals(200, list.panels().size());
        list.panels().forEach(p -> assertEquals(30, new HashSet<>(p).size()));
        assertEquals(List.of(), list.draws());

        UserFacingException outOfRange = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> lists.draw(processId, published.id(), 201)));
        assertEquals("recruitment.list.number-invalid", outOfRange.messageKey());

        DrawSummary drawn = signIn.facilitator(() -> lists.draw(processId, published.id(), 57));
        assertEquals(57L, drawn.seed());
        assertEquals(new DrawSummary.ListDraw(published.id(), 57, 200), drawn.fromList().orElseThrow());
        DrawDetails details = signIn.facilitator(() -> draws.details(drawn.id()));
        List<String> panel = details.currentPanel().stream().map(s -> String.valueOf(s.member().id())).sorted().toList();
        assertEquals(list.panels().get(56).stream().sorted().toList(), panel, "panel 57 of the published list");
        assertEquals(6, details.reserves().size());
        // Each person's probability is their share of the published list, counted here from the list alone.
        Map<String, Integer> appearances = new HashMap<>();
        list.panels().forEach(p -> p.forEach(id -> appearances.merge(id, 1, Integer::sum)));
        for (DrawDetails.Selection s : details.pool()) {
            assertEquals(appearances.getOrDefault(String.valueOf(s.member().id()), 0) / 200.0, s.probability(), 1e-12);
        }
        assertEquals(1, signIn.facilitator(() -> lists.list(processId, published.id())).draws().size());

        Map<String, String> zip = RecruitmentPersistenceTest.unzip(signIn.facilitator(() -> draws.export(drawn.id())));
        assertTrue(zip.containsKey("panels.csv"), zip.keySet().toString());
        assertTrue(zip.get("record.txt").contains("\nuniform_panels=200\npanel_number=57\n"), zip.get("record.txt"));
        assertTrue(!zip.get("record.txt").contains("\nseed="), "a list draw has no seed of its own");
        Path dir = temp.resolve("record");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> entry : zip.entrySet()) {
            Files.writeString(dir.resolve(entry.getKey()), entry.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SortitionCommand().run(new String[] {"verify", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("verified"));
    }

    @Test
    void aListCannotBeDrawnFromOnceItsInputsChangedNorUnderAnotherProcess() {
        DrawPreparation prepared = signIn.facilitator(() -> lists.prepare(processId, 50));
        PublishedListSummary published = signIn.facilitator(() -> lists.publish(processId, 50, prepared.fingerprint()));
        RecruitmentTargets now = signIn.facilitator(() -> targets.load(processId)).orElseThrow();
        signIn.facilitator(() -> targets.save(processId, new RecruitmentTargets(31, now.toleranceMode(),
                now.tolerance(), now.reserveCount(), now.sharesSource(), now.features())));
        UserFacingException changed = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> lists.draw(processId, published.id(), 1)));
        assertEquals("recruitment.list.inputs-changed", changed.messageKey());
        assertEquals(List.of(), signIn.facilitator(() -> draws.history(processId)), "nothing recorded");

        long other = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("다른 공론"))));
        UserFacingException elsewhere = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> lists.list(other, published.id())));
        assertEquals("recruitment.list.not-found", elsewhere.messageKey());

        UserFacingException tooMany = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> lists.prepare(processId, PublishedListService.MAX_PANELS + 1)));
        assertEquals("recruitment.list.count-invalid", tooMany.messageKey());
        assertThrows(AuthorizationDeniedException.class, () -> signIn.official(() -> lists.lists(processId)));
    }
}
