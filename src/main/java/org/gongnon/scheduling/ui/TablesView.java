package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RebalanceOutcome;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.TableService;
import org.gongnon.scheduling.TablesOverview;
import org.gongnon.security.Roles;

/**
 * A session's small-group tables: assign them at a chosen size, see how mixed each table is, name each
 * table's facilitator, move or pin people by hand, and re-balance in one click after no-shows.
 */
@Route("processes/:processId/programme/sessions/:sessionId/tables")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class TablesView extends SchedulingPage {

    static final int DEFAULT_SIZE = 8;

    private final transient ProgrammeService programme;
    private final transient TableService tables;
    final IntegerField size = new IntegerField();
    final Button assign = new Button();
    final Button rebalance = new Button();
    private long sessionId;
    TablesOverview overview;

    public TablesView(ProgrammeService programme, TableService tables) {
        super("programme");
        this.programme = programme;
        this.tables = tables;
        size.setId("table-size");
        size.setStepButtonsVisible(true);
        assign.setId("assign-tables");
        assign.addThemeVariants(ButtonVariant.PRIMARY);
        assign.addClickListener(e -> confirmAssign());
        rebalance.setId("rebalance-tables");
        rebalance.addClickListener(e -> rebalance());
    }

    @Override
    protected String titleKey() {
        return "scheduling.tables.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId")
                .orElseThrow(() -> new UserFacingException("scheduling.session.not-found"));
        SessionForm session = programme.session(sessionId);
        if (session.processId() != processId) {
            throw new UserFacingException("scheduling.session.not-found");
        }
        overview = tables.tables(sessionId);
        size.setValue(overview.hasPlan() ? overview.tableSize() : DEFAULT_SIZE);
        show();
    }

    private void show() {
        body.removeAll();
        size.setInvalid(false);
        size.setLabel(getTranslation("scheduling.tables.size"));
        size.setHelperText(getTranslation("scheduling.tables.size-help"));
        assign.setText(getTranslation(overview.hasPlan() ? "scheduling.tables.reassign" : "scheduling.tables.assign"));
        rebalance.setText(getTranslation("scheduling.tables.rebalance"));
        rebalance.setEnabled(overview.hasPlan() && overview.fromCheckIns()
                && (overview.seatedAbsent() > 0 || overview.presentUnseated() > 0));
        Anchor back = new Anchor(path(processId, "programme/sessions/" + sessionId), overview.sessionTitle());
        back.setId("tables-session");
        Paragraph who = new Paragraph(getTranslation(overview.fromCheckIns() ? "scheduling.tables.from-checkins"
                : "scheduling.tables.from-invitations", overview.participants()));
        who.setId("tables-participants");
        HorizontalLayout controls = new HorizontalLayout(size, assign, rebalance);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.addClassName("gn-form-row");
        body.add(back, who, controls);
        if (!overview.hasPlan()) {
            Paragraph empty = new Paragraph(getTranslation("scheduling.tables.empty"));
            empty.addClassName("gn-muted");
            empty.setId("tables-empty");
            body.add(empty);
            return;
        }
        Paragraph quality = new Paragraph(getTranslation("scheduling.tables.quality", overview.tables().size(),
                String.format(Locale.ROOT, "%.1f", overview.diversityPenalty()), overview.repeatPairs()));
        quality.setId("tables-quality");
        quality.addClassName("gn-hint");
        body.add(quality);
        if (overview.seatedAbsent() > 0 || overview.presentUnseated() > 0) {
            Paragraph noShows = new Paragraph(getTranslation("scheduling.tables.no-shows", overview.seatedAbsent(),
                    overview.presentUnseated()));
            noShows.addClassName("gn-warning");
            noShows.setId("tables-no-shows");
            body.add(noShows);
        }
        Div grid = new Div();
        grid.addClassName("gn-tables");
        overview.tables().forEach(t -> grid.add(tableCard(t)));
        body.add(grid);
    }

    private Component tableCard(TablesOverview.Table table) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-table-card");
        card.getElement().setAttribute("data-table", String.valueOf(table.number()));
        H3 heading = new H3(getTranslation("scheduling.tables.table", table.number(), table.seats().size()));
        TextField facilitator = new TextField(getTranslation("scheduling.tables.facilitator"));
        facilitator.setValue(table.facilitator());
        facilitator.setMaxLength(100);
        facilitator.setId("facilitator-" + table.number());
        facilitator.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                run(() -> overview = tables.setFacilitator(sessionId, table.number(), e.getValue()), false);
            }
        });
        UnorderedList seats = new UnorderedList();
        seats.addClassName("gn-table-seats");
        for (TablesOverview.Seat seat : table.seats()) {
            seats.add(seatItem(table, seat));
        }
        Paragraph mix = new Paragraph(mix(table));
        mix.addClassName("gn-table-mix");
        card.add(heading, facilitator, seats, mix);
        return card;
    }

    private Component seatItem(TablesOverview.Table table, TablesOverview.Seat seat) {
        ListItem item = new ListItem();
        item.addClassName("gn-table-seat");
        if (overview.fromCheckIns() && !seat.present()) {
            item.addClassName("gn-absent");
        }
        Span name = new Span(seat.displayName());
        Span features = new Span(overview.features().stream().map(f -> seat.features().getOrDefault(f, ""))
                .filter(v -> !v.isEmpty()).collect(Collectors.joining(" · ")));
        features.addClassName("gn-muted");
        item.add(name, new Span(" "), features);
        if (seat.pinned()) {
            Span pin = new Span(getTranslation("scheduling.tables.pinned"));
            pin.addClassName("gn-badge");
            item.add(new Span(" "), pin);
        }
        if (overview.fromCheckIns() && !seat.present()) {
            Span absent = new Span(getTranslation("scheduling.tables.absent"));
            absent.addClassName("gn-badge");
            item.add(new Span(" "), absent);
        }
        Select<Integer> moveTo = new Select<>();
        List<Integer> numbers = overview.tables().stream().map(TablesOverview.Table::number).toList();
        moveTo.setItems(numbers);
        moveTo.setValue(table.number());
        moveTo.setItemLabelGenerator(n -> getTranslation("scheduling.tables.table-short", n));
        moveTo.setAriaLabel(getTranslation("scheduling.tables.move-label", seat.displayName()));
        moveTo.addClassName("gn-move-to");
        moveTo.getElement().setAttribute("data-member", String.valueOf(seat.panelMemberId()));
        moveTo.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null && e.getValue() != table.number()) {
                run(() -> overview = tables.move(sessionId, seat.panelMemberId(), e.getValue(), true), true);
            }
        });
        Button pin = new Button(getTranslation(seat.pinned() ? "scheduling.tables.unpin" : "scheduling.tables.pin"),
                e -> run(() -> overview = tables.move(sessionId, seat.panelMemberId(), table.number(), !seat.pinned()),
                        true));
        pin.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        pin.getElement().setAttribute("aria-label", getTranslation(seat.pinned() ? "scheduling.tables.unpin-label"
                : "scheduling.tables.pin-label", seat.displayName()));
        pin.getElement().setAttribute("data-member", String.valueOf(seat.panelMemberId()));
        pin.addClassName("gn-pin");
        item.add(moveTo, pin);
        return item;
    }

    /** How mixed a table is: per feature, its values with their counts ("권역: 도심권 1 · 동북권 3 …"). */
    private String mix(TablesOverview.Table table) {
        return table.counts().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(overview.features()::indexOf)))
                .map(e -> e.getKey() + ": " + e.getValue().entrySet().stream()
                        .map(v -> v.getKey() + " " + v.getValue()).collect(Collectors.joining(" · ")))
                .collect(Collectors.joining(" / "));
    }

    private void confirmAssign() {
        if (!overview.hasPlan()) {
            assignTables();
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("scheduling.tables.reassign-title"));
        confirm.setText(getTranslation("scheduling.tables.reassign-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("scheduling.tables.reassign"));
        confirm.addConfirmListener(e -> assignTables());
        confirm.open();
    }

    private void assignTables() {
        try {
            overview = tables.assign(sessionId, size.getValue());
            Notifications.success(getTranslation("scheduling.tables.assigned", overview.tables().size()));
            show();
        } catch (ValidationException e) {
            e.problems().stream().filter(p -> p.field().equals("tableSize")).findFirst().ifPresent(p -> {
                size.setErrorMessage(Messages.of(this, p));
                size.setInvalid(true);
            });
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
    }

    private void rebalance() {
        try {
            RebalanceOutcome outcome = tables.rebalance(sessionId);
            overview = tables.tables(sessionId);
            Notifications.success(getTranslation("scheduling.tables.rebalanced", outcome.removedAbsent(),
                    outcome.moved(), outcome.seatedLate(), outcome.closedTables().size()));
            show();
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
    }

    private void run(Runnable action, boolean redraw) {
        try {
            action.run();
            if (redraw) {
                show();
            }
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            overview = tables.tables(sessionId);
            show();
        }
    }

    List<Integer> sizes() {
        return overview.tables().stream().map(t -> t.seats().size()).toList();
    }
}
