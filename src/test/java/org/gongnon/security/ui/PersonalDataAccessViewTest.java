package org.gongnon.security.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongnon.security.PersonalDataAccess;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails("admin")
class PersonalDataAccessViewTest extends ViewTestBase {

    @Autowired
    PersonalDataAccessLog accessLog;

    @Test
    void adminsSeeTheLatestRowsAndVerifyTheChain() {
        String subject = TestNames.unique("view test");
        accessLog.record(42L, PersonalDataAction.EXPORT, subject, 3);
        PersonalDataAccessView view = navigate(PersonalDataAccessView.class);
        List<PersonalDataAccess> rows = view.grid.getListDataView().getItems().toList();
        assertEquals(subject, rows.getFirst().subject(), "newest first");
        assertEquals("admin", rows.getFirst().accountName());

        test(view.verify).click();
        assertEquals(ko("access-log.intact", accessLog.verify().rowsChecked()), view.verdict.getText());
        assertTrue(view.verdict.getElement().getThemeList().contains("success"));
    }
}
