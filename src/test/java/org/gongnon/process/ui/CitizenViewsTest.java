package org.gongnon.process.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import org.gongnon.demo.DemoData;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithAnonymousUser
class CitizenViewsTest extends ViewTestBase {

    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;

    IssuedAccess freshDemoCitizenAccess() {
        return DemoFixtures.freshAccess(processes, panel, 2);
    }

    @Test
    void anInvalidLinkSaysSoAndPointsToTheCode() {
        assertInstanceOf(CitizenLinkView.class, open("link-invalid"));
        assertEquals(ko("citizen.link-invalid.title"), find(H1.class).first().getText());
    }

    @Test
    void aWrongCodeIsExplainedAndARightOneLeadsToTheSignIn() {
        IssuedAccess access = freshDemoCitizenAccess();
        CitizenCodeView view = navigate(CitizenCodeView.class);
        test(view.code).setValue("ABCD-EFGH");
        test(view.enter).click();
        assertTrue(view.code.isInvalid());
        assertEquals(ko("citizen.code.invalid"), view.code.getErrorMessage());

        test(view.code).setValue(access.code().toLowerCase());
        assertTrue(view.code.isInvalid(), "the message stays until the next try, so the button does not move under a press");
        test(view.enter).click();
        assertFalse(view.code.isInvalid());
        List<String> scripts = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(i -> i.getInvocation().getExpression() + i.getInvocation().getParameters()).toList();
        assertTrue(scripts.stream().anyMatch(js -> js.contains("c/ticket/")), "the browser is sent to sign in: " + scripts);
    }

    @Test
    void anExpiredTicketAsksForTheCodeAgain() {
        UI.getCurrent().navigate("code", com.vaadin.flow.router.QueryParameters.of("expired", ""));
        CitizenCodeView view = (CitizenCodeView) getCurrentView();
        assertTrue(view.code.isInvalid());
        assertEquals(ko("citizen.code.expired"), view.code.getErrorMessage());
    }

    @Test
    void aSignedInCitizenSeesTheirPageAndNoStaffPages() {
        IssuedAccess access = freshDemoCitizenAccess();
        assertTrue(citizens.signInWithToken(access.link().substring(access.link().lastIndexOf('/') + 1)));
        assertInstanceOf(CitizenHomeView.class, open(""), "home forwards a citizen to their own page");
        assertEquals(ko("citizen.greeting", access.displayName()), find(H1.class).id("citizen-greeting").getText());
        assertEquals(DemoData.PROCESS_TITLE, find(H2.class).first().getText());
        assertFalse(open("processes/1") instanceof ProcessDetailView);
        assertFalse(open("admin/accounts") instanceof org.gongnon.security.ui.AccountsView);
        assertEquals(ko("error.not-found.title"), find(H1.class).id("not-found").getText(),
                "a denied page reads like a missing one, in Korean");
    }
}
