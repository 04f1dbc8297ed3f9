package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.PageHeader;

/**
 * The frame every recruitment page shares: the process id from the address, the page heading and the
 * recruitment steps as links (targets → pool → draw → history). A process the user may not reach is
 * reported and the user sent home, like everywhere else.
 */
abstract class RecruitmentPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The steps, in the order facilitators take them: address suffix and title key. */
    private record Step(String name, String titleKey, Class<? extends RecruitmentPage> view) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("targets", "recruitment.nav.targets", TargetsView.class),
            new Step("pool", "recruitment.nav.pool", PoolView.class),
            new Step("draw", "recruitment.nav.draw", DrawView.class),
            new Step("draws", "recruitment.nav.history", DrawHistoryView.class));

    protected long processId;
    /** Where each page puts its content, below the heading and the steps. */
    protected final VerticalLayout body = new VerticalLayout();
    private final String step;

    RecruitmentPage(String step) {
        this.step = step;
        addClassName("gn-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("processId");
        if (id.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        processId = id.get();
        try {
            removeAll();
            body.removeAll();
            body.setPadding(false);
            add(new PageHeader(getTranslation(titleKey())), steps(), body);
            render(event);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            event.forwardTo("");
        }
    }

    /** Builds the page below the heading; service refusals are shown and the user sent home. */
    protected abstract void render(BeforeEnterEvent event);

    protected abstract String titleKey();

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey()) + " · " + getTranslation("app.name");
    }

    static String path(long processId, String step) {
        return "processes/" + processId + "/recruitment/" + step;
    }

    private Nav steps() {
        Nav nav = new Nav();
        nav.addClassName("gn-steps");
        nav.getElement().setAttribute("aria-label", getTranslation("recruitment.nav.label"));
        for (Step s : STEPS) {
            RouterLink link = new RouterLink(getTranslation(s.titleKey()), s.view(), routeParameters());
            if (s.name().equals(step)) {
                link.getElement().setAttribute("aria-current", "page");
                link.addClassName("gn-steps-current");
            }
            nav.add(link);
        }
        return nav;
    }

    protected com.vaadin.flow.router.RouteParameters routeParameters() {
        return new com.vaadin.flow.router.RouteParameters("processId", String.valueOf(processId));
    }
}
