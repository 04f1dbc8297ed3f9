package org.gongnon.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

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
}
