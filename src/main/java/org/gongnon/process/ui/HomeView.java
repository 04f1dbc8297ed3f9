package org.gongnon.process.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongnon.base.ui.PageHeader;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessSummary;
import org.gongnon.security.Roles;

/** After sign-in: the user's processes, each with where it stands on its timeline. */
@Route("")
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "HOME")
public class HomeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ProcessService processes;
    private final transient AuthenticationContext authentication;
    private final transient Clock clock;

    public HomeView(ProcessService processes, AuthenticationContext authentication, Clock clock) {
        this.processes = processes;
        this.authentication = authentication;
        this.clock = clock;
        addClassName("gn-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.hasRole(Roles.CITIZEN)) {
            // Citizens have one page: their own.
            event.forwardTo(CitizenHomeView.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        boolean canCreate = authentication.hasAnyRole(Roles.ADMIN, Roles.FACILITATOR);
        PageHeader top = new PageHeader(getTranslation("home.title"));
        if (canCreate) {
            Button create = new Button(getTranslation("home.new-process"), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ProcessEditorView.class)));
            create.setId("new-process");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            top.add(create);
        }
        add(top);
        List<ProcessSummary> mine = processes.listMyProcesses();
        if (mine.isEmpty()) {
            Div empty = new Div(new Paragraph(getTranslation(canCreate ? "home.empty.organiser" : "home.empty.official")));
            empty.addClassName("gn-empty");
            add(empty);
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (ProcessSummary p : mine) {
            add(card(p, today));
        }
    }

    private Div card(ProcessSummary p, LocalDate today) {
        RouterLink link = new RouterLink(p.title(), ProcessDetailView.class, p.id());
        H3 heading = new H3(link);
        Span status = new Span(getTranslation(p.status().messageKey()));
        status.getElement().getThemeList().add("badge");
        Paragraph question = new Paragraph(p.publicQuestion());
        question.addClassName("gn-question");
        Paragraph where = new Paragraph(TimelineBar.statusLine(this, p.timeline(), today) + " · " + p.organiser());
        where.addClassName("gn-muted");
        Div card = new Div(new HorizontalLayout(heading, status), question, where, new TimelineBar(p.timeline(), today));
        card.addClassName("gn-card");
        card.getElement().setAttribute("data-process-id", String.valueOf(p.id()));
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
