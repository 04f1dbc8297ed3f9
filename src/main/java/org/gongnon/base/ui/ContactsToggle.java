package org.gongnon.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.gongnon.base.ContactMask;

/**
 * The "Show contacts" button of a staff list whose phones and e-mails are masked by default. Showing first runs
 * {@code reveal} (the feature's service records the access) and only then unmasks; hiding masks again. The
 * masking itself happens here on the server, so a masked list never sends the full values to the browser.
 */
public class ContactsToggle extends Button {

    private final Runnable reveal;
    private final Runnable refresh;
    private boolean shown;

    /**
     * @param reveal  records the access (a service call); if it throws, the contacts stay masked
     * @param refresh redraws the list after the state changed
     */
    public ContactsToggle(Runnable reveal, Runnable refresh) {
        this.reveal = reveal;
        this.refresh = refresh;
        setId("show-contacts");
        addThemeVariants(ButtonVariant.TERTIARY);
        addClickListener(e -> toggle());
        update();
    }

    void toggle() {
        if (!shown) {
            reveal.run();
        }
        shown = !shown;
        update();
        refresh.run();
    }

    public boolean isShown() {
        return shown;
    }

    /** The phone as the list should show it now. */
    public String phone(String value) {
        return shown ? nullToEmpty(value) : ContactMask.phone(value);
    }

    /** The e-mail address as the list should show it now. */
    public String email(String value) {
        return shown ? nullToEmpty(value) : ContactMask.email(value);
    }

    /** A phone or e-mail address as the list should show it now. */
    public String contact(String value) {
        return shown ? nullToEmpty(value) : ContactMask.contact(value);
    }

    private void update() {
        setText(getTranslation(shown ? "contacts.hide" : "contacts.show"));
        setIcon((shown ? VaadinIcon.EYE_SLASH : VaadinIcon.EYE).create());
        getElement().setAttribute("aria-pressed", String.valueOf(shown));
        setTooltipText(shown ? null : getTranslation("contacts.show.hint"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
