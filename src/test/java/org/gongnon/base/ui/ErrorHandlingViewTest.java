package org.gongnon.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.ErrorEvent;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ui.HomeView;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Failures reach the user as a friendly message with a reference; the detail stays in the log. */
@WithUserDetails("facilitator")
class ErrorHandlingViewTest extends ViewTestBase {

    @Autowired
    GlobalErrorHandler handler;

    @Test
    void aPageThatFailsToOpenShowsTheErrorViewWithoutTechnicalDetail() {
        assertInstanceOf(ErrorView.class, open("test-only/failing"));
        assertEquals(ko("error.title"), find(H1.class).single().getText());
        String text = find(Paragraph.class).single().getText();
        assertTrue(text.matches(".*[0-9a-f]{8}.*"), "a reference to quote: " + text);
        assertFalse(text.contains("jdbc") || text.contains("Exception"), text);
    }

    @Test
    void unexpectedErrorsBecomeAFriendlyNotification() {
        navigate(HomeView.class);
        handler.error(new ErrorEvent(new IllegalStateException("boom at com.example.Secret")));
        String shown = notificationTexts().getLast();
        assertTrue(shown.startsWith(ko("error.unexpected", "").substring(0, 10)), shown);
        assertFalse(shown.contains("boom"), shown);
    }

    @Test
    void backgroundFailuresAreReportedWithAReferenceAfterThePageIsTidied() throws InterruptedException {
        navigate(HomeView.class);
        java.util.concurrent.atomic.AtomicBoolean tidied = new java.util.concurrent.atomic.AtomicBoolean();
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        Thread worker = new Thread(() -> Notifications.unexpected(ui, "Test work",
                new IllegalStateException("boom at com.example.Secret"), () -> tidied.set(true)));
        worker.start();
        worker.join();
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        assertTrue(tidied.get(), "the page's own clean-up ran");
        String shown = notificationTexts().getLast();
        assertTrue(shown.startsWith(ko("error.unexpected", "").substring(0, 10)), shown);
        assertTrue(shown.matches(".*[0-9a-f]{8}.*"), "a reference to quote: " + shown);
        assertFalse(shown.contains("boom"), shown);
    }

    @Test
    void refusalsAreShownInTheUsersLanguage() {
        navigate(HomeView.class);
        handler.error(new ErrorEvent(new RuntimeException(new UserFacingException("process.read-only"))));
        assertEquals(ko("process.read-only"), notificationTexts().getLast());
        handler.error(new ErrorEvent(new AccessDeniedException("denied")));
        assertTrue(notificationTexts().getLast().startsWith(ko("error.access-denied", "").substring(0, 5)));
    }
}
