package org.gongnon.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.Contact;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.PoolOverview;
import org.gongnon.recruitment.PoolService;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The personal-data access log on the real database: who, whose, what; tampering found; one linear chain. */
@SpringBootTest
class PersonalDataAccessLogPersistenceTest {

    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    PoolService pool;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    DrawService draws;
    @Autowired
    PanelService panel;
    @Autowired
    PersonalDataAccessLog accessLog;
    @Autowired
    PersonalDataAccessService logService;
    @Autowired
    JdbcTemplate jdbc;

    long lastSeq() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM personal_data_access", Long.class);
    }

    List<PersonalDataAccess> rowsAfter(long seq) {
        return accessLog.latest(null, 1000).stream().filter(r -> r.seq() > seq).sorted(
                java.util.Comparator.comparingLong(PersonalDataAccess::seq)).toList();
    }

    @Test
    void viewsExportsAndAccessIssuingAreLoggedWithWhoWhoseAndWhat() {
        long processId = seatedPanels.newProcessWithPanel(TestNames.unique("접근 기록"), 20, 120);
        long facilitatorId = jdbc.queryForObject("SELECT id FROM staff_account WHERE username = 'facilitator'",
                Long.class);
        long before = lastSeq();

        PoolOverview overview = signIn.facilitator(() -> pool.overview(processId));
        signIn.facilitator(() -> pool.overview(processId)); // the same list again at once: one row, not two
        Map<Long, Contact> contacts = signIn.facilitator(() -> seating.contacts(processId));
        long drawId = signIn.facilitator(() -> draws.history(processId)).getFirst().id();
        byte[] zip = signIn.facilitator(() -> draws.export(drawId));
        List<PanelMemberSummary> members = signIn.facilitator(() -> panel.listPanel(processId));
        IssuedAccess issued = signIn.facilitator(() -> panel.issueAccess(members.getFirst().id()));

        List<PersonalDataAccess> rows = rowsAfter(before);
        assertEquals(List.of(PersonalDataAction.VIEW, PersonalDataAction.USE, PersonalDataAction.EXPORT,
                PersonalDataAction.VIEW, PersonalDataAction.ISSUE_ACCESS),
                rows.stream().map(PersonalDataAccess::action).toList());
        assertEquals(List.of("pool of process " + processId, "panel contacts (phone, e-mail) of process " + processId,
                        "draw " + drawId + " record (ZIP)", "panel list of process " + processId,
                        "panel member " + issued.panelMemberId()),
                rows.stream().map(PersonalDataAccess::subject).toList());
        assertEquals(List.of(overview.members().size(), contacts.size(), 20 + 4, members.size(), 1),
                rows.stream().map(PersonalDataAccess::people).toList());
        assertTrue(zip.length > 0);
        for (PersonalDataAccess row : rows) {
            assertEquals("facilitator", row.accountName());
            assertEquals(facilitatorId, row.accountId());
            assertEquals(processId, row.processId());
        }
        assertTrue(accessLog.verify().intact());
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThrows(AuthorizationDeniedException.class, () -> signIn.facilitator(() -> logService.verify()));
        ChainVerification result = signIn.admin(() -> logService.verify());
        assertTrue(result.intact(), result.toString());
    }

    /** Writes three rows for the tampering tests; returns their sequence numbers. */
    long[] threeRows() {
        long[] seqs = new long[3];
        for (int i = 0; i < 3; i++) {
            accessLog.record(null, PersonalDataAction.EXPORT, "tamper test " + i, i);
            seqs[i] = lastSeq();
        }
        assertTrue(accessLog.verify().intact(), "intact before tampering");
        return seqs;
    }

    @Test
    void editingARowIsFoundAtThatRow() {
        long[] seqs = threeRows();
        jdbc.update("UPDATE personal_data_access SET people = 99 WHERE seq = ?", seqs[1]);
        ChainVerification edited = accessLog.verify();
        assertFalse(edited.intact());
        assertEquals(seqs[1], edited.firstBrokenSeq());
        assertEquals("content does not match its hash", edited.reason());

        // Recomputing that row's own hash does not help: its signature (server key) no longer matches.
        PersonalDataAccess row = accessLog.latest(null, 1000).stream().filter(r -> r.seq() == seqs[1]).findFirst()
                .orElseThrow();
        jdbc.update("UPDATE personal_data_access SET row_hash = ? WHERE seq = ?",
                PersonalDataAccessLog.hash(row.prevHash(), PersonalDataAccessLog.canonical(row)), seqs[1]);
        ChainVerification rehashed = accessLog.verify();
        assertEquals(seqs[1], rehashed.firstBrokenSeq());
        assertEquals("signature does not match", rehashed.reason());

        jdbc.update("UPDATE personal_data_access SET people = 1, row_hash = ? WHERE seq = ?", row.rowHash(), seqs[1]);
        assertTrue(accessLog.verify().intact(), "restored");
    }

    @Test
    void aChainRecomputedWithoutTheServerKeyFailsItsSignature() {
        long[] seqs = threeRows();
        List<PersonalDataAccess> originals = rowsAfter(seqs[0]);
        assertEquals(List.of(seqs[1], seqs[2]), originals.stream().map(PersonalDataAccess::seq).toList());
        String prev = originals.getFirst().prevHash();
        for (PersonalDataAccess r : originals) {
            int people = r.seq() == seqs[1] ? 99 : r.people();
            PersonalDataAccess forged = new PersonalDataAccess(r.seq(), r.at(), r.accountId(), r.accountName(),
                    r.processId(), r.action(), r.subject(), people, prev, null);
            String hash = PersonalDataAccessLog.hash(prev, PersonalDataAccessLog.canonical(forged));
            jdbc.update("UPDATE personal_data_access SET people = ?, prev_hash = ?, row_hash = ? WHERE seq = ?", people,
                    prev, hash, r.seq());
            prev = hash;
        }
        jdbc.update("UPDATE personal_data_access_head SET last_hash = ?", prev);
        ChainVerification forged = accessLog.verify();
        assertEquals(seqs[1], forged.firstBrokenSeq(), forged.toString());
        assertEquals("signature does not match", forged.reason());

        for (PersonalDataAccess r : originals) {
            jdbc.update("UPDATE personal_data_access SET people = ?, prev_hash = ?, row_hash = ? WHERE seq = ?",
                    r.people(), r.prevHash(), r.rowHash(), r.seq());
        }
        jdbc.update("UPDATE personal_data_access_head SET last_hash = ?", originals.getLast().rowHash());
        assertTrue(accessLog.verify().intact(), "restored");
    }

    @Test
    void deletingARowIsFoundAtTheRowAfterItAndDeletingTheLastAtTheHead() {
        long[] seqs = threeRows();
        Map<String, Object> middle = jdbc.queryForMap("SELECT * FROM personal_data_access WHERE seq = ?", seqs[1]);
        Map<String, Object> last = jdbc.queryForMap("SELECT * FROM personal_data_access WHERE seq = ?", seqs[2]);
        jdbc.update("DELETE FROM personal_data_access WHERE seq = ?", seqs[1]);
        ChainVerification gap = accessLog.verify();
        assertFalse(gap.intact());
        assertEquals(seqs[2], gap.firstBrokenSeq());
        restore(middle);

        jdbc.update("DELETE FROM personal_data_access WHERE seq = ?", seqs[2]);
        ChainVerification cut = accessLog.verify();
        assertFalse(cut.intact());
        assertEquals(seqs[2], cut.firstBrokenSeq(), cut.toString());
        restore(last);
        assertTrue(accessLog.verify().intact(), "restored");
    }

    void restore(Map<String, Object> row) {
        jdbc.update("INSERT INTO personal_data_access (seq, at, account_id, account_name, process_id, action, subject, "
                        + "people, prev_hash, row_hash, row_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("seq"),
                row.get("at"), row.get("account_id"), row.get("account_name"), row.get("process_id"), row.get("action"),
                row.get("subject"), row.get("people"), row.get("prev_hash"), row.get("row_hash"), row.get("row_mac"));
    }

    @Test
    void concurrentWritersKeepOneLinearChain() throws Exception {
        long before = lastSeq();
        int threads = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    accessLog.record(null, PersonalDataAction.EXPORT, "writer " + thread + " row " + i, 1);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<PersonalDataAccess> rows = rowsAfter(before);
        assertEquals(threads * each, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(before + 1 + i, rows.get(i).seq(), "no gaps, no duplicates");
            if (i > 0) {
                assertEquals(rows.get(i - 1).rowHash(), rows.get(i).prevHash(), "each row links to the one before");
            }
            assertEquals("system", rows.get(i).accountName());
            assertNull(rows.get(i).accountId());
        }
        ChainVerification result = accessLog.verify();
        assertTrue(result.intact(), result.toString());
    }
}
