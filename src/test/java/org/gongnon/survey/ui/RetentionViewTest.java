package org.gongnon.survey.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.Clock;
import java.time.LocalDate;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.survey.RetentionStatus;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails("admin")
class RetentionViewTest extends ViewTestBase {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    RetentionStatus row(RetentionView view, long processId) {
        return view.grid.getListDataView().getItems().filter(r -> r.processId() == processId).findFirst()
                .orElseThrow();
    }

    @Test
    void anAdminSeesWhatIsDueAndAppliesTheRetentionAfterConfirming() {
        long expired = signIn.as("facilitator",
                () -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("보존 만료"))));
        long kept = signIn.as("facilitator",
                () -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("보존 중"))));
        jdbc.update("UPDATE deliberation_process SET retention_date = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(clock).minusDays(1)), expired);

        RetentionView view = navigate(RetentionView.class);
        assertTrue(row(view, expired).due());
        assertFalse(row(view, kept).due());
        assertTrue(view.apply.isEnabled(), "something is due");

        // Nothing happens before the confirmation, and cancelling changes nothing.
        test(view.apply).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).id("retention-confirm");
        assertNotNull(dialog);
        test(dialog).cancel();
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_process WHERE id = ? "
                + "AND personal_data_deleted_at IS NOT NULL", Integer.class, expired));

        long due = view.grid.getListDataView().getItems().filter(RetentionStatus::due).count();
        test(view.apply).click();
        test(find(ConfirmDialog.class).id("retention-confirm")).confirm();
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_process WHERE id = ? "
                + "AND personal_data_deleted_at IS NOT NULL", Integer.class, expired));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_process WHERE id = ? "
                + "AND personal_data_deleted_at IS NOT NULL", Integer.class, kept), "not before its date");
        assertTrue(notificationTexts().contains(ko("retention.done", due)), notificationTexts().toString());
        RetentionStatus done = row(view, expired);
        assertFalse(done.due());
        assertNotNull(done.deletedAt());
        assertFalse(view.apply.isEnabled(), "nothing is due any more");
    }
}
