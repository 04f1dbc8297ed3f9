package org.gongnon.recruitment.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import org.gongnon.base.ContactMask;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.ColumnMapping;
import org.gongnon.recruitment.PoolMemberRow;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The pool list shows phones and e-mails masked until a facilitator asks for them, which is logged. */
class PoolContactsViewTest extends ViewTestBase {

    static final int PHONE = 2;
    static final int EMAIL = 3;

    @Autowired
    ProcessService processes;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TargetsService targets;

    int contactViews(long processId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_access WHERE process_id = ? AND action = 'VIEW' "
                + "AND subject = ?", Integer.class, processId, "contacts of pool of process " + processId);
    }

    @Test
    @WithUserDetails("facilitator")
    void contactsAreMaskedUntilShownAndShowingThemIsLogged() {
        long id = DemoFixtures.demoProcessId(processes);
        PoolView view = assertInstanceOf(PoolView.class, open("processes/" + id + "/recruitment/pool"));
        var grid = test(view.grid);
        int rows = grid.size();
        int columns = view.grid.getColumns().size();
        assertTrue(rows > 100, "the demo pool is listed");
        int withPhone = 0;
        int withEmail = 0;
        for (int r = 0; r < rows; r++) {
            PoolMemberRow m = grid.getRow(r);
            for (int c = 0; c < columns; c++) {
                String cell = grid.getCellText(r, c);
                assertFalse(m.phone() != null && cell.contains(m.phone()), "row " + r + " shows a full phone");
                assertFalse(m.email() != null && cell.contains(m.email()), "row " + r + " shows a full e-mail");
            }
            assertEquals(ContactMask.phone(m.phone()), grid.getCellText(r, PHONE));
            assertEquals(ContactMask.email(m.email()), grid.getCellText(r, EMAIL));
            withPhone += m.phone() == null ? 0 : 1;
            withEmail += m.email() == null ? 0 : 1;
        }
        assertTrue(withPhone > 0 && withEmail > 0, "the fixture has phones and e-mails to hide");
        assertTrue(grid.getCellText(0, PHONE).contains("****"), "the phone is masked, not blank");
        assertFalse(view.contacts.isShown());

        // While masked, the search looks at what is shown: a hidden digit group does not find its owner.
        PoolMemberRow first = grid.getRow(0);
        String middle = first.phone().split("-")[1];
        assertFalse(ContactMask.phone(first.phone()).contains(middle));
        test(view.search).setValue(middle);
        for (int r = 0; r < grid.size(); r++) {
            PoolMemberRow m = grid.getRow(r);
            assertFalse(m.id() == first.id(), "found by a masked part of the number");
            assertTrue(m.name().contains(middle) || ContactMask.phone(m.phone()).contains(middle)
                    || ContactMask.email(m.email()).contains(middle));
        }
        test(view.search).clear();

        int before = contactViews(id);
        test(find(Button.class).id("show-contacts")).click();
        assertTrue(view.contacts.isShown());
        assertEquals(before + 1, contactViews(id), "showing the contacts writes one access-log row");
        assertEquals(rows, grid.size());
        for (int r = 0; r < rows; r++) {
            PoolMemberRow m = grid.getRow(r);
            assertEquals(m.phone() == null ? "" : m.phone(), grid.getCellText(r, PHONE));
            assertEquals(m.email() == null ? "" : m.email(), grid.getCellText(r, EMAIL));
        }
        assertEquals(rows, jdbc.queryForObject("SELECT people FROM personal_data_access WHERE process_id = ? "
                + "AND subject = ? ORDER BY seq DESC LIMIT 1", Integer.class, id, "contacts of pool of process " + id));

        test(find(Button.class).id("show-contacts")).click();
        assertFalse(view.contacts.isShown());
        assertEquals(ContactMask.phone(first.phone()), grid.getCellText(0, PHONE), "hiding masks again");
        assertEquals(before + 1, contactViews(id), "hiding is not an access");
    }

    @Test
    @WithUserDetails("facilitator")
    void theImportPreviewMasksTheContactColumns() {
        long id = processes.createProcess(ProcessTestForms.titled(TestNames.unique("연락처 가림")));
        targets.save(id, targets.seoulDefaults("test"));
        assertInstanceOf(PoolView.class, open("processes/" + id + "/recruitment/pool"));
        var people = SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, 20);
        byte[] csv = SyntheticPool.toCsv(people);
        test(find(Upload.class).id("pool-upload")).upload("응답자.csv", "text/csv", csv);
        RecruitmentViewsTest.await(() -> find(Button.class).withId("check-pool").exists());
        PoolImportPanel panel = find(PoolImportPanel.class).single();
        var sample = test(panel.sample);
        assertTrue(sample.size() > 0);
        List<String> headers = panel.sample.getColumns().stream().map(c -> c.getHeaderText()).toList();
        int phone = headers.indexOf(panel.columns.get(ColumnMapping.PHONE).getValue());
        int email = headers.indexOf(panel.columns.get(ColumnMapping.EMAIL).getValue());
        assertTrue(phone >= 0 && email >= 0, "the contact columns are guessed: " + headers);
        boolean sawEmail = false;
        for (int r = 0; r < sample.size(); r++) {
            List<String> row = sample.getRow(r);
            assertEquals(ContactMask.phone(row.get(phone)), sample.getCellText(r, phone));
            assertEquals(ContactMask.email(row.get(email)), sample.getCellText(r, email));
            for (int c = 0; c < headers.size(); c++) {
                String cell = sample.getCellText(r, c);
                assertFalse(!row.get(phone).isBlank() && cell.contains(row.get(phone)), "full phone in the preview");
                assertFalse(!row.get(email).isBlank() && cell.contains(row.get(email)), "full e-mail in the preview");
            }
            sawEmail |= !row.get(email).isBlank();
        }
        assertTrue(sawEmail, "the sample has e-mails to hide");
    }
}
