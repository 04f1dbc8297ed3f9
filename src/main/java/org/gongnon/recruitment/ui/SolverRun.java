package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gongnon.base.BackgroundWork;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;

/**
 * Runs solver work (a draw, a published list) in the background while the page polls: on success {@code done}
 * runs in the UI; a refusal is shown as its message and {@code refused} runs; anything else goes to the
 * unexpected-error notice. {@code running} is told when the page should show and hide its progress.
 */
final class SolverRun {

    private SolverRun() {
    }

    static <T> void start(Component page, BackgroundWork background, String what, Supplier<T> work,
                          Consumer<Boolean> running, Consumer<T> done, Runnable refused) {
        UI ui = UI.getCurrent();
        // No server push in this app: while the solver runs the page polls for the result.
        ui.setPollInterval(PoolImportPanel.POLL_MS);
        running.accept(true);
        background.start(() -> {
            try {
                T result = work.get();
                ui.access(() -> {
                    stop(ui, running);
                    done.accept(result);
                });
            } catch (UserFacingException e) {
                ui.access(() -> {
                    stop(ui, running);
                    Notifications.error(Messages.of(page, e));
                    refused.run();
                });
            } catch (RuntimeException e) {
                Notifications.unexpected(ui, what, e, () -> stop(ui, running));
            }
        });
    }

    private static void stop(UI ui, Consumer<Boolean> running) {
        ui.setPollInterval(-1);
        running.accept(false);
    }
}
