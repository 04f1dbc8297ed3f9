package org.gongnon.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.UserFacingException;

/**
 * The frame of a feature's pages under one process ({@code processes/:processId/…}): the process id from the
 * address, the heading, and the feature's pages as a row of links with the current one marked. A refusal
 * from a service (e.g. a process outside the user's reach) is shown and the user sent home.
 */
public abstract class ProcessStepsPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A page in the row of links: its address below {@code processes/{id}/}, and its title key. */
    public record Step(String suffix, String titleKey) {
    }

    protected long processId;
    /** Where each page puts its content, below the heading and the links. */
    protected final VerticalLayout body = new VerticalLayout();
    private final String current;

    protected ProcessStepsPage(String current) {
        this.current = current;
        addClassName("gn-page");
    }

    /** The feature's pages, in the order they are used. */
    protected abstract List<Step> steps();

    /** The accessible name of the row of links. */
    protected abstract String stepsLabelKey();

    /** Builds the page below the heading; service refusals are shown and the user sent home. */
    protected abstract void render(BeforeEnterEvent event);

    protected abstract String titleKey();

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("processId");
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
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

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey()) + " · " + getTranslation("app.name");
    }

    /** The address of a page of a process, e.g. {@code path(7, "programme/sessions/12")}. */
    public static String path(long processId, String suffix) {
        return "processes/" + processId + "/" + suffix;
    }

    protected RouteParameters routeParameters() {
        return new RouteParameters("processId", String.valueOf(processId));
    }

    private Nav navigation() {
        Nav nav = new Nav();
        nav.addClassName("gn-steps");
        nav.getElement().setAttribute("aria-label", getTranslation(stepsLabelKey()));
        for (Step s : steps()) {
            // Links by address: a feature's pages may live in packages that must not import each other.
            Anchor link = new Anchor(path(processId, s.suffix()), getTranslation(s.titleKey()));
            if (s.suffix().equals(current)) {
                link.getElement().setAttribute("aria-current", "page");
                link.addClassName("gn-steps-current");
            }
            nav.add(link);
        }
        return nav;
    }
}
