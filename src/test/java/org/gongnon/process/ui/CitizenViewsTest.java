package org.gongnon.process.ui;

import org.gongnon.testsupport.ViewTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import java.util.Map;
import org.gongnon.demo.DemoData;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ui.CitizenCodeView;
import org.gongnon.process.ui.CitizenHomeView;
import org.gongnon.process.ui.CitizenLinkView;
import org.gongnon.process.ui.HomeView;
import org.gongnon.process.ui.ProcessDetailView;
import org.gongnon.security.SystemAuthority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithAnonymousUser;

@WithAnonymousUser
class CitizenViewsTest extends ViewTestBase {

    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    IssuedAccess freshDemoCitizenAccess() {
        return SystemAuthority.runAsSystem(() -> {
            long processId = processes.listMyProcesses().stream()
                    .filter(p -> p.title().equals(DemoData.PROCESS_TITLE)).findFirst().orElseThrow().id();
            long member = panel.listPanel(processId).stream()
                    .filter(m -> m.displayName().equals("이서준")).findFirst().orElseThrow().id();
            return panel.issueAccess(member);
        });
    }

    @Test
    void thePersonalLinkOpensTheCitizensOwnPage() {
        IssuedAccess access = freshDemoCitizenAccess();
        String token = access.link().substring(access.link().lastIndexOf('/') + 1);
        assertInstanceOf(CitizenHomeView.class, open("c/" + token));
        assertEquals(ko("citizen.greeting", "이서준"), find(H1.class).id("citizen-greeting").getText());
        assertEquals(DemoData.PROCESS_TITLE, find(H2.class).first().getText());
    }

    @Test
    void anInvalidLinkSaysSoAndPointsToTheCode() {
        navigate(CitizenLinkView.class, Map.of("token", "not-a-valid-token-at-all-000000"));
        assertInstanceOf(CitizenLinkView.class, getCurrentView());
        assertEquals(ko("citizen.link-invalid.title"), find(H1.class).first().getText());
    }

    @Test
    void theCodeSignsInAndAWrongCodeIsExplained() {
        IssuedAccess access = freshDemoCitizenAccess();
        CitizenCodeView view = navigate(CitizenCodeView.class);
        test(view.code).setValue("ABCD-EFGH");
        test(view.enter).click();
        assertTrue(view.code.isInvalid());
        assertEquals(ko("citizen.code.invalid"), view.code.getErrorMessage());

        test(view.code).setValue(access.code().toLowerCase());
        test(view.enter).click();
        assertInstanceOf(CitizenHomeView.class, getCurrentView());
    }

    @Test
    void aSignedInCitizenSeesNoStaffPages() {
        IssuedAccess access = freshDemoCitizenAccess();
        assertInstanceOf(CitizenHomeView.class, open("c/" + access.link().substring(access.link().lastIndexOf('/') + 1)));
        assertInstanceOf(CitizenHomeView.class, open(""), "home forwards a citizen to their own page");
        assertFalse(open("processes/1") instanceof ProcessDetailView);
        assertFalse(open("admin/accounts") instanceof org.gongnon.security.ui.AccountsView);
    }
}
