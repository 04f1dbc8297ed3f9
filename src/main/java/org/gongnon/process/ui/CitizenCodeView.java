package org.gongnon.process.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.gongnon.base.ui.LanguageSwitch;
import org.gongnon.process.CitizenAccessService;

/** For shared tablets in the hall: a citizen types the short code from their letter or text message. */
@Route(value = "code", autoLayout = false)
@AnonymousAllowed
public class CitizenCodeView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** Where an expired or used sign-in ticket leads: back here, with a word about it. */
    static final String ROUTE_EXPIRED = "/code?expired";

    private final transient CitizenAccessService citizens;
    final TextField code = new TextField();
    final Button enter = new Button();

    public CitizenCodeView(CitizenAccessService citizens) {
        this.citizens = citizens;
        addClassName("gn-citizen");
        setAlignItems(Alignment.CENTER);
        code.setLabel(getTranslation("citizen.code.label"));
        code.setHelperText(getTranslation("citizen.code.help"));
        code.setPlaceholder("ABCD-EFGH");
        code.setMaxLength(20);
        code.setAutofocus(true);
        code.addClassName("gn-code-field");
        code.getElement().setAttribute("autocomplete", "off");
        code.getElement().setAttribute("autocapitalize", "characters");
        // The error stays until the next try. Cleared on the field's own validation instead, it went when the
        // press on the button took focus from the field; the message folded away, the button slid up by its
        // height under the pointer, and a press released a moment later missed it (nothing happened).
        code.setManualValidation(true);
        enter.setText(getTranslation("citizen.code.submit"));
        enter.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        enter.addClickShortcut(Key.ENTER);
        enter.addClickListener(e -> submit());
        add(new LanguageSwitch(), new H1(getTranslation("citizen.code.title")),
                new Paragraph(getTranslation("citizen.code.intro")), code, enter,
                new Anchor("login", getTranslation("citizen.staff-login")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("expired")) {
            showError("citizen.code.expired");
        }
    }

    void submit() {
        CitizenAccessService.CodeCheck check = citizens.checkCode(code.getValue());
        switch (check.result()) {
            // The sign-in itself happens in a request of its own (see CitizenEntryController).
            case SIGNED_IN -> {
                code.setInvalid(false); // the press is over by now: nothing moves under the pointer
                getUI().ifPresent(ui -> ui.getPage().setLocation("c/ticket/" + check.ticket()));
            }
            case LOCKED -> showError("citizen.code.locked");
            case INVALID -> showError("citizen.code.invalid");
        }
    }

    private void showError(String key) {
        code.setErrorMessage(getTranslation(key));
        code.setInvalid(true);
        code.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("citizen.code.title") + " · " + getTranslation("app.name");
    }
}
