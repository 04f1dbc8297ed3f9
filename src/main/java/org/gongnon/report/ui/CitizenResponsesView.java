package org.gongnon.report.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.MainLayout;
import org.gongnon.base.ui.Messages;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ItemResponse;
import org.gongnon.security.Roles;

/** For panel members: what their panel recommended and what the city answered — the loop closed. */
@Route(value = "me/responses", layout = MainLayout.class)
@RolesAllowed(Roles.CITIZEN)
@Menu(title = "report.citizen.nav", order = 4, icon = "COMMENTS_O")
public class CitizenResponsesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient GovernmentResponseService responses;

    public CitizenResponsesView(GovernmentResponseService responses) {
        this.responses = responses;
        addClassNames("gn-page", "gn-citizen-responses");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H1 title = new H1(getTranslation("report.citizen.title"));
        List<ItemResponse> items;
        try {
            items = responses.forMyPanel();
        } catch (UserFacingException e) {
            add(title, new Paragraph(Messages.of(this, e)));
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("report.citizen.intro"));
        intro.addClassName("gn-muted");
        add(title, intro);
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("report.citizen.empty"));
            empty.addClassName("gn-empty");
            empty.setId("citizen-responses-empty");
            add(empty);
            return;
        }
        for (ItemResponse item : items) {
            Section card = new Section();
            card.addClassNames("gn-card", "gn-response-card");
            card.getElement().setAttribute("data-item", String.valueOf(item.itemNumber()));
            String outcome = item.outcome() == null ? getTranslation("report.doc.rec.status.none")
                    : getTranslation("report.doc.rec.status." + item.outcome().name().toLowerCase().replace('_', '-'));
            Paragraph panel = new Paragraph(getTranslation("report.citizen.panel-said", outcome));
            panel.addClassName("gn-muted");
            card.add(new H2(item.itemNumber() + ". " + item.title()), panel, ResponsesView.current(item, this));
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.citizen.title") + " · " + getTranslation("app.name");
    }
}
