package org.gongnon.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.gongnon.base.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whatever a view did not handle ends here: the user gets a friendly message (with a reference to
 * quote), the log gets the detail. Never a stack trace on screen.
 */
@Component
class GlobalErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        UserFacingException userFacing = find(error, UserFacingException.class);
        UI ui = UI.getCurrent();
        if (userFacing != null) {
            if (ui != null) {
                ui.access(() -> Notifications.error(Messages.of(ui, userFacing)));
            }
            return;
        }
        String key;
        String reference = Notifications.newReference();
        if (find(error, AccessDeniedException.class) != null) {
            log.warn("Access denied [{}]: {}", reference, error.getMessage());
            key = "error.access-denied";
        } else {
            log.error("Unexpected error [{}]", reference, error);
            key = "error.unexpected";
        }
        if (ui != null) {
            ui.access(() -> Notifications.error(ui.getTranslation(key, reference)));
        }
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
