package org.gongnon.process.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.gongnon.base.ui.LanguageSwitch;

/** Where a personal link that is not (or no longer) valid leads: what happened and what to do. */
@Route(value = "link-invalid", autoLayout = false)
@AnonymousAllowed
public class CitizenLinkView extends VerticalLayout implements HasDynamicTitle {

    public CitizenLinkView() {
        addClassName("gn-citizen");
        add(new LanguageSwitch(), new H1(getTranslation("citizen.link-invalid.title")),
                new Paragraph(getTranslation("citizen.link-invalid.text")),
                new Anchor("code", getTranslation("citizen.use-code")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("citizen.link-invalid.title") + " · " + getTranslation("app.name");
    }
}
