package org.gongnon.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.slf4j.LoggerFactory;

/** The app's notifications: errors stay until closed, successes fade. Both are announced to screen readers. */
public final class Notifications {

    private Notifications() {
    }

    public static Notification error(String text) {
        Notification n = new Notification(text, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.ERROR);
        n.getElement().setAttribute("role", "alert");
        n.open();
        return n;
    }

    public static Notification success(String text) {
        Notification n = new Notification(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
        n.getElement().setAttribute("role", "status");
        n.open();
        return n;
    }

    /**
     * An unexpected failure in background work, where the global error handler cannot see it: logged with
     * a short reference, and shown to the user (with that reference) once {@code alsoOnUi} has run.
     */
    public static void unexpected(UI ui, String what, Throwable error, Runnable alsoOnUi) {
        String reference = newReference();
        LoggerFactory.getLogger(Notifications.class).error("{} failed [{}]", what, reference, error);
        ui.access(() -> {
            alsoOnUi.run();
            error(ui.getTranslation("error.unexpected", reference));
        });
    }

    /** A short reference for a logged error, for the user to quote. */
    static String newReference() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
