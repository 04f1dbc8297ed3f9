package org.gongnon.process.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.CitizenPage;
import org.gongnon.security.Roles;

/** The citizen's own page: their process, where it stands, and (in later steps) their sessions and surveys. */
@Route("me")
@RolesAllowed(Roles.CITIZEN)
@Menu(title = "nav.my-page", order = 1, icon = "USER")
public class CitizenHomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CitizenAccessService citizens;
    private final transient Clock clock;

    public CitizenHomeView(CitizenAccessService citizens, Clock clock) {
        this.citizens = citizens;
        this.clock = clock;
        addClassName("gn-page");
        addClassName("gn-citizen-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CitizenPage page;
        try {
            page = citizens.myPage();
        } catch (UserFacingException e) {
            add(new H1(getTranslation("citizen.link-invalid.title")), new Paragraph(Messages.of(this, e)));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        H1 greeting = new H1(getTranslation("citizen.greeting", page.displayName()));
        greeting.setId("citizen-greeting");
        Paragraph thanks = new Paragraph(getTranslation("citizen.thanks", page.organiser()));
        H2 process = new H2(page.processTitle());
        Paragraph question = new Paragraph(page.publicQuestion());
        question.addClassName("gn-question");
        Paragraph where = new Paragraph(TimelineBar.statusLine(this, page.timeline(), today));
        Paragraph next = new Paragraph(getTranslation("citizen.next-steps"));
        next.addClassName("gn-muted");
        // The schedule, the surveys and the city's responses live in later steps' packages; they are reached by their addresses.
        com.vaadin.flow.component.html.Anchor schedule = new com.vaadin.flow.component.html.Anchor("me/schedule",
                getTranslation("citizen.schedule-link"));
        schedule.setId("citizen-schedule-link");
        schedule.addClassName("gn-primary-link");
        com.vaadin.flow.component.html.Anchor surveys = new com.vaadin.flow.component.html.Anchor("me/surveys",
                getTranslation("survey.mine.home-link"));
        surveys.setId("citizen-surveys-link");
        surveys.addClassName("gn-primary-link");
        com.vaadin.flow.component.html.Anchor responses = new com.vaadin.flow.component.html.Anchor("me/responses",
                getTranslation("report.citizen.home-link"));
        responses.setId("citizen-responses-link");
        responses.addClassName("gn-primary-link");
        add(greeting, thanks, process, question, where, new TimelineBar(page.timeline(), today), schedule, surveys,
                responses, next);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.my-page") + " · " + getTranslation("app.name");
    }
}
