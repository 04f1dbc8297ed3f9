package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.PageHeader;

/**
 * The frame every scheduling page shares: the process id from the address, the heading, and the scheduling
 * pages as links (programme → attendance → messages). A process the user may not reach is reported and the
 * user sent home, as everywhere else.
 */
abstract class SchedulingPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A page in the scheduling navigation: its address below the process, and its title key. */
    private record Step(String suffix, String titleKey) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("programme", "scheduling.nav.programme"),
            new Step("attendance", "scheduling.nav.attendance"),
            new Step("messages", "scheduling.nav.messages"));

    protected long processId;
    /** Where each page puts its content, below the heading and the navigation. */
    protected final VerticalLayout body = new VerticalLayout();
    private final String step;

    SchedulingPage(String step) {
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
            add(new PageHeader(getTranslation(titleKey())), navigation(), body);
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

    /** The address of a page of this process, e.g. {@code path(7, "programme/sessions/12")}. */
    static String path(long processId, String suffix) {
        return "processes/" + processId + "/" + suffix;
    }

    private Nav navigation() {
        Nav nav = new Nav();
        nav.addClassName("gn-steps");
        nav.getElement().setAttribute("aria-label", getTranslation("scheduling.nav.label"));
        for (Step s : STEPS) {
            Anchor link = new Anchor(path(processId, s.suffix()), getTranslation(s.titleKey()));
            if (s.suffix().equals(step)) {
                link.getElement().setAttribute("aria-current", "page");
                link.addClassName("gn-steps-current");
            }
            nav.add(link);
        }
        return nav;
    }

    protected RouteParameters routeParameters() {
        return new RouteParameters("processId", String.valueOf(processId));
    }
}
