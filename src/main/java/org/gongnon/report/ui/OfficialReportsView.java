package org.gongnon.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gongnon.base.ui.MainLayout;
import org.gongnon.report.PublishedReport;
import org.gongnon.report.ReportFormat;
import org.gongnon.report.ReportService;
import org.gongnon.report.ReportSummary;
import org.gongnon.security.Roles;

/**
 * The published reports of the user's processes, for officials above all: download the files (named by the
 * server, each download logged) and go on to record the city's response. No personal data is shown here or in
 * the files.
 */
@Route(value = "reports", layout = MainLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
@Menu(title = "report.official.nav", order = 5, icon = "FILE_TEXT_O")
public class OfficialReportsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Times as the deliberation's zone has them (the application clock's zone, Seoul by default). */
    private final transient DateTimeFormatter timeFormat;

    private final transient ReportService reports;

    public OfficialReportsView(ReportService reports, java.time.Clock clock) {
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        this.reports = reports;
        addClassName("gn-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("report.official.title")));
        Paragraph intro = new Paragraph(getTranslation("report.official.intro"));
        intro.addClassName("gn-muted");
        add(intro);
        List<PublishedReport> published = reports.publishedReports();
        if (published.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("report.official.empty"));
            empty.addClassName("gn-empty");
            empty.setId("official-reports-empty");
            add(empty);
            return;
        }
        published.forEach(p -> add(card(p)));
    }

    private Component card(PublishedReport published) {
        ReportSummary report = published.report();
        Section card = new Section();
        card.addClassNames("gn-card", "gn-report-card");
        card.getElement().setAttribute("data-report-id", String.valueOf(report.id()));
        card.add(new H2(published.processTitle()));
        card.add(new Paragraph(getTranslation("report.official.version", report.number(),
                timeFormat.format(report.publishedAt()), report.responsesDue().toString())));
        HorizontalLayout links = new HorizontalLayout();
        links.addClassName("gn-actions");
        links.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        for (ReportFormat format : ReportFormat.values()) {
            Anchor file = new Anchor(ReportFiles.href(report.id(), format),
                    getTranslation("report.download." + format.name().toLowerCase()));
            file.getElement().setAttribute("download", true);
            // A file from the server, not a page: the router must leave the click to the browser.
            file.getElement().setAttribute("router-ignore", true);
            file.addClassName("gn-download");
            file.setId("official-report-" + report.id() + "-" + format.name().toLowerCase());
            links.add(file);
        }
        Anchor respond = new Anchor("reports/" + report.id() + "/responses", getTranslation("report.responses.link"));
        respond.setId("official-report-" + report.id() + "-responses");
        respond.addClassName("gn-download");
        links.add(respond);
        card.add(links);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.official.title") + " · " + getTranslation("app.name");
    }
}
