package org.gongnon.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before anything that cannot be undone. */
public final class Confirm {

    private Confirm() {
    }

    public static ConfirmDialog destructive(Component where, String headerKey, String text, String confirmKey,
                                            Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(where.getTranslation(headerKey));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(where.getTranslation("action.cancel"));
        dialog.setConfirmText(where.getTranslation(confirmKey));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }
}
