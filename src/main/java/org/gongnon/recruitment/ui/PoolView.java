package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.base.BackgroundWork;
import org.gongnon.base.ui.ContactsToggle;
import org.gongnon.recruitment.PoolImportSummary;
import org.gongnon.recruitment.PoolMemberRow;
import org.gongnon.recruitment.PoolOverview;
import org.gongnon.recruitment.PoolService;
import org.gongnon.security.Roles;

/**
 * The pool: import the poll respondents' file, then browse them with a filter per feature and the count
 * of each feature value (what the quotas will have to work with).
 */
@Route("processes/:processId/recruitment/pool")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class PoolView extends RecruitmentPage {

    private final transient PoolService pool;
    private final transient BackgroundWork background;
    private final transient java.time.Clock clock;
    final Grid<PoolMemberRow> grid = new Grid<>();
    final TextField search = new TextField();
    final Map<String, Select<String>> filters = new LinkedHashMap<>();
    final Span shown = new Span();
    /** Phones and e-mails are masked until a facilitator asks to see them (and that is logged). */
    final ContactsToggle contacts;
    PoolOverview overview;
    private GridListDataView<PoolMemberRow> data;

    public PoolView(PoolService pool, BackgroundWork backgroundWork, java.time.Clock clock) {
        super("pool");
        this.pool = pool;
        this.background = backgroundWork;
        this.clock = clock;
        this.contacts = new ContactsToggle(() -> pool.contactsShown(processId, overview.members().size()),
                () -> applyFilter(data));
    }

    @Override
    protected String titleKey() {
        return "recruitment.pool.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        reload();
    }

    void reload() {
        body.removeAll();
        overview = pool.overview(processId);
        if (overview.features().isEmpty()) {
            Paragraph first = new Paragraph(getTranslation("recruitment.pool.targets-first"));
            first.addClassName("gn-empty");
            body.add(first, new RouterLink(getTranslation("recruitment.nav.targets"), TargetsView.class,
                    routeParameters()));
            return;
        }
        body.add(importSection());
        if (overview.members().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("recruitment.pool.empty"));
            empty.addClassName("gn-empty");
            body.add(empty);
            return;
        }
        body.add(lastImport(overview.lastImport().orElseThrow()), counts(), table());
    }

    /** Filled in by the import section: upload, column mapping, checks and import. */
    Component importSection() {
        return new PoolImportPanel(this, pool, background, processId, overview);
    }

    private Component lastImport(PoolImportSummary last) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(clock.getZone());
        Div box = new Div(new Paragraph(getTranslation("recruitment.pool.last-import", last.fileName(),
                time.format(last.importedAt()), last.importedBy(), last.acceptedRows(), last.rejectedRows())));
        if (last.rejectedRows() > 0) {
            Anchor rejected = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] csv = pool.rejectedRows(processId);
                return new DownloadResponse(new ByteArrayInputStream(csv), "rejected-rows.csv", "text/csv", csv.length);
            }), getTranslation("recruitment.pool.download-rejected"));
            rejected.getElement().setAttribute("download", true);
            rejected.setId("download-rejected");
            box.add(rejected);
        }
        return box;
    }

    private Component counts() {
        FlexLayout cards = new FlexLayout();
        cards.addClassName("gn-count-cards");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        long total = overview.members().size();
        for (String feature : overview.features()) {
            Div card = new Div(new H3(feature));
            card.addClassName("gn-card");
            Map<String, Long> byValue = overview.counts().getOrDefault(feature, Map.of());
            byValue.forEach((value, n) -> card.add(new Paragraph(value + ": " + n + " ("
                    + Formats.percent(getLocale(), (double) n / total) + ")")));
            cards.add(card);
        }
        return new Div(new H3(getTranslation("recruitment.pool.counts", total)), cards);
    }

    private Component table() {
        grid.removeAllColumns();
        grid.addColumn(PoolMemberRow::sourceRow).setHeader(getTranslation("recruitment.pool.row")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(PoolMemberRow::name).setHeader(getTranslation("recruitment.pool.name")).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(m -> contacts.phone(m.phone())).setHeader(getTranslation("recruitment.pool.phone"))
                .setAutoWidth(true);
        grid.addColumn(m -> contacts.email(m.email())).setHeader(getTranslation("recruitment.pool.email"))
                .setAutoWidth(true);
        grid.addColumn(PoolMemberRow::district).setHeader(getTranslation("recruitment.pool.district")).setAutoWidth(true);
        for (String feature : overview.features()) {
            grid.addColumn(m -> m.value(feature)).setHeader(feature).setAutoWidth(true).setSortable(true);
        }
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setHeight("32em");
        data = grid.setItems(overview.members());

        search.setLabel(getTranslation("recruitment.pool.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> applyFilter(data));
        List<Component> filterFields = new ArrayList<>(List.of(search));
        filters.clear();
        for (String feature : overview.features()) {
            Select<String> select = new Select<>();
            select.setLabel(feature);
            List<String> values = new ArrayList<>(overview.counts().getOrDefault(feature, Map.of()).keySet());
            select.setItems(values);
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("recruitment.pool.all"));
            select.addValueChangeListener(e -> applyFilter(data));
            filters.put(feature, select);
            filterFields.add(select);
        }
        FlexLayout bar = new FlexLayout(filterFields.toArray(Component[]::new));
        bar.addClassName("gn-form-row");
        shown.getElement().setAttribute("role", "status");
        applyFilter(data);
        Paragraph maskedNote = new Paragraph(getTranslation("contacts.masked-note"));
        maskedNote.addClassName("gn-hint");
        return new Div(bar, shown, new Div(maskedNote, contacts), grid);
    }

    private void applyFilter(GridListDataView<PoolMemberRow> data) {
        String q = search.getValue() == null ? "" : search.getValue().strip();
        // Searched as shown: while masked, typing digits must not find out a hidden number.
        data.setFilter(m -> (q.isEmpty() || m.name().contains(q) || contacts.phone(m.phone()).contains(q)
                || contacts.email(m.email()).contains(q))
                && filters.entrySet().stream().allMatch(f -> f.getValue().getValue() == null
                || f.getValue().getValue().equals(m.value(f.getKey()))));
        shown.setText(getTranslation("recruitment.pool.shown", data.getItemCount(), overview.members().size()));
    }
}
