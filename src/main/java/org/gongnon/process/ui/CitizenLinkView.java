package org.gongnon.process.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.gongnon.process.CitizenAccessService;

/** A citizen's personal link, /c/{token}: signs them in and opens their page, or says the link is not valid. */
@Route(value = "c/:token", autoLayout = false)
@AnonymousAllowed
public class CitizenLinkView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CitizenAccessService citizens;

    public CitizenLinkView(CitizenAccessService citizens) {
        this.citizens = citizens;
        addClassName("gn-citizen");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        if (citizens.signInWithToken(token)) {
            event.forwardTo(CitizenHomeView.class);
            return;
        }
        removeAll();
        add(new H1(getTranslation("citizen.link-invalid.title")),
                new Paragraph(getTranslation("citizen.link-invalid.text")),
                new Anchor("code", getTranslation("citizen.use-code")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.name");
    }
}
