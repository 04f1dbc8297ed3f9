package org.gongnon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The guard that keeps the shared demo as it is sees a change, names its table, and sees nothing otherwise. */
@SpringBootTest
class DemoSnapshotTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChangeToTheDemoIsSeenAndNamed() {
        DemoSnapshot before = DemoSnapshot.take(jdbc);
        assertNotNull(before, "the test database has the demo");
        assertEquals(List.of(), DemoSnapshot.take(jdbc).changesSince(before), "reading changes nothing");
        // Changed inside a transaction that is rolled back, so the demo stays as it was for every other test.
        TransactionTemplate rollingBack = new TransactionTemplate(transactions);
        rollingBack.executeWithoutResult(tx -> {
            jdbc.update("UPDATE deliberation_process SET description = CONCAT(description, '!') WHERE id = ?",
                    before.processId());
            jdbc.update("UPDATE invitation SET status = 'DECLINED' WHERE id = (SELECT MIN(i.id) FROM invitation i "
                    + "JOIN deliberation_session s ON s.id = i.session_id WHERE s.process_id = ? "
                    + "AND i.status = 'CONFIRMED')", before.processId());
            List<String> changes = DemoSnapshot.take(jdbc).changesSince(before);
            assertEquals(2, changes.size(), changes.toString());
            assertTrue(changes.get(0).startsWith("deliberation_process: 1 rows"), changes.toString());
            assertTrue(changes.get(1).startsWith("invitation: "), changes.toString());
            tx.setRollbackOnly();
        });
        assertEquals(List.of(), DemoSnapshot.take(jdbc).changesSince(before));
    }
}
