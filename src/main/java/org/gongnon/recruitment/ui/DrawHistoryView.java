package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.gongnon.recruitment.DrawAlgorithm;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.DrawSummary;
import org.gongnon.security.Roles;

/** Every draw of the process, newest first, each with its fingerprint and seed; a record opens the result. */
@Route("processes/:processId/recruitment/draws")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class DrawHistoryView extends RecruitmentPage {

    private final transient DrawService draws;
    private final transient java.time.Clock clock;
    final Grid<DrawSummary> grid = new Grid<>();

    public DrawHistoryView(DrawService draws, java.time.Clock clock) {
        super("draws");
        this.draws = draws;
        this.clock = clock;
    }

    @Override
    protected String titleKey() {
        return "recruitment.history.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        List<DrawSummary> history = draws.history(processId);
        if (history.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("recruitment.history.empty"));
            empty.addClassName("gn-empty");
            body.add(empty, new RouterLink(getTranslation("recruitment.nav.draw"), DrawView.class, routeParameters()));
            return;
        }
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(clock.getZone());
        grid.removeAllColumns();
        grid.addComponentColumn(d -> new RouterLink("#" + d.id(), DrawResultView.class,
                DrawResultView.parameters(processId, d.id()))).setHeader(getTranslation("recruitment.history.draw"))
                .setAutoWidth(true);
        grid.addColumn(d -> time.format(d.drawnAt())).setHeader(getTranslation("recruitment.history.when")).setAutoWidth(true);
        grid.addColumn(DrawSummary::drawnBy).setHeader(getTranslation("recruitment.history.by")).setAutoWidth(true);
        grid.addColumn(d -> getTranslation(DrawAlgorithm.valueOf(d.algorithm()).messageKey()))
                .setHeader(getTranslation("recruitment.draw.algorithm")).setAutoWidth(true);
        // A draw from a published list has no seed of its own: it took the number called at the ceremony.
        grid.addColumn(d -> d.fromList().map(l -> getTranslation("recruitment.history.list-number", l.listId(), l.number()))
                        .orElse(String.valueOf(d.seed())))
                .setHeader(getTranslation("recruitment.history.seed-or-number")).setAutoWidth(true);
        grid.addColumn(d -> Formats.probability(getLocale(), d.minProbability()))
                .setHeader(getTranslation("recruitment.result.min-probability")).setAutoWidth(true);
        grid.addColumn(DrawSummary::replacements).setHeader(getTranslation("recruitment.history.replacements"));
        grid.addColumn(d -> d.fingerprint().substring(0, 16) + "…")
                .setHeader(getTranslation("recruitment.draw.fingerprint")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(history);
        Paragraph note = new Paragraph(getTranslation("recruitment.history.note"));
        note.addClassName("gn-hint");
        body.add(note, grid);
    }
}
