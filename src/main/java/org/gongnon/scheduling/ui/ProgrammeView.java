package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.RoundRow;
import org.gongnon.scheduling.SessionSummary;
import org.gongnon.scheduling.VenueForm;
import org.gongnon.scheduling.VenueRow;
import org.gongnon.security.Roles;

/**
 * A process's programme: its sessions as a list by round and as a month calendar, and the rounds and venues
 * they use. Officials may look; only those who may edit the process see the buttons that change it.
 */
@Route("processes/:processId/programme")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class ProgrammeView extends SchedulingPage {

    private final transient ProgrammeService service;
    private final transient Clock clock;
    Programme programme;
    TabSheet tabs;
    private final Div listTab = new Div();
    private final Div calendarTab = new Div();
    private final Div roundsTab = new Div();
    private final Div venuesTab = new Div();
    /** One grid of sessions per round that has sessions, by round id. */
    final Map<Long, Grid<SessionSummary>> sessionGrids = new LinkedHashMap<>();
    ProgrammeCalendar calendar;
    /** "새 회의", for those who may edit. */
    Button newSession;
    final Grid<RoundRow> roundGrid = new Grid<>();
    final Grid<VenueRow> venueGrid = new Grid<>();

    public ProgrammeView(ProgrammeService service, Clock clock) {
        super("programme");
        this.service = service;
        this.clock = clock;
    }

    @Override
    protected String titleKey() {
        return "scheduling.programme.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        programme = service.programme(processId);
        newSession = null;
        calendar = null;
        tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("scheduling.programme.tab.list"), listTab);
        tabs.add(getTranslation("scheduling.programme.tab.calendar"), calendarTab);
        tabs.add(getTranslation("scheduling.programme.tab.rounds"), roundsTab);
        tabs.add(getTranslation("scheduling.programme.tab.venues"), venuesTab);
        if (programme.canEdit()) {
            newSession = new Button(getTranslation("scheduling.programme.new-session"), VaadinIcon.PLUS.create(),
                    e -> openNewSession(null));
            newSession.setId("new-session");
            newSession.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout actions = new HorizontalLayout(newSession);
            actions.setWidthFull();
            actions.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
            body.add(actions);
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("scheduling.programme.read-only"));
            readOnly.addClassName("gn-hint");
            body.add(readOnly);
        }
        body.add(tabs);
        fill();
    }

    /** Reloads the programme after a change, keeping the tab the user is on. */
    void refresh() {
        programme = service.programme(processId);
        fill();
    }

    private void fill() {
        if (newSession != null) {
            // A session belongs to a round: until there is one, the button says so instead of working.
            newSession.setEnabled(!programme.rounds().isEmpty());
            newSession.setTooltipText(programme.rounds().isEmpty() ? getTranslation("scheduling.programme.round-first")
                    : null);
        }
        fillList();
        fillCalendar();
        fillRounds();
        fillVenues();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- list ---------------------------------------------------------------------------------------------

    private void fillList() {
        listTab.removeAll();
        sessionGrids.clear();
        if (programme.rounds().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("scheduling.programme.empty-rounds"));
            empty.addClassName("gn-empty");
            listTab.add(empty);
            if (programme.canEdit()) {
                Button add = new Button(getTranslation("scheduling.round.add"), VaadinIcon.PLUS.create(),
                        e -> new RoundDialog(null).open());
                add.setId("empty-add-round");
                add.addThemeVariants(ButtonVariant.PRIMARY);
                listTab.add(add);
            }
            return;
        }
        if (programme.sessions().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("scheduling.programme.empty-sessions"));
            empty.addClassName("gn-empty");
            listTab.add(empty);
            if (programme.canEdit()) {
                Button add = new Button(getTranslation("scheduling.programme.new-session"), VaadinIcon.PLUS.create(),
                        e -> openNewSession(null));
                add.setId("empty-new-session");
                add.addThemeVariants(ButtonVariant.PRIMARY);
                listTab.add(add);
            }
            return;
        }
        for (RoundRow round : programme.rounds()) {
            Div section = new Div();
            section.addClassName("gn-programme-round");
            H3 heading = new H3(round.title());
            Span kind = new Span(getTranslation(round.kind().messageKey()));
            kind.addClassName("gn-round-kind");
            HorizontalLayout head = new HorizontalLayout(heading, kind);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.setWrap(true);
            section.add(head);
            List<SessionSummary> ofRound = programme.sessions().stream().filter(s -> s.roundId() == round.id()).toList();
            if (ofRound.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("scheduling.programme.round-empty"));
                none.addClassName("gn-hint");
                section.add(none);
            } else {
                Grid<SessionSummary> grid = sessionGrid(round, ofRound);
                sessionGrids.put(round.id(), grid);
                section.add(grid);
            }
            if (programme.canEdit()) {
                RouterLink add = new RouterLink(getTranslation("scheduling.programme.add-to-round", round.title()),
                        SessionEditorView.class, SessionEditorView.newSession(processId));
                add.setQueryParameters(QueryParameters.of("round", String.valueOf(round.id())));
                add.addClassName("gn-programme-add");
                section.add(add);
            }
            listTab.add(section);
        }
    }

    private Grid<SessionSummary> sessionGrid(RoundRow round, List<SessionSummary> ofRound) {
        LocalDate today = today();
        Grid<SessionSummary> grid = new Grid<>();
        grid.addColumn(s -> ScheduleTexts.date(this, getLocale(), s.date())).setHeader(getTranslation("scheduling.session.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> ScheduleTexts.times(s.start(), s.end())).setHeader(getTranslation("scheduling.session.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> sessionTitle(s, today)).setHeader(getTranslation("scheduling.session.name"))
                .setWidth("12em").setFlexGrow(1);
        grid.addColumn(s -> getTranslation(s.roundKind().messageKey()))
                .setHeader(getTranslation("scheduling.round.kind")).setAutoWidth(true);
        grid.addColumn(s -> ScheduleTexts.place(this, s)).setHeader(getTranslation("scheduling.session.place"))
                .setAutoWidth(true);
        grid.addColumn(s -> ScheduleTexts.audience(this, s.audienceFeature(), s.audienceValue()))
                .setHeader(getTranslation("scheduling.session.audience")).setAutoWidth(true);
        grid.addColumn(SessionSummary::expected).setHeader(getTranslation("scheduling.session.expected"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> getTranslation("scheduling.session.answers-value", s.confirmed(), s.declined()))
                .setHeader(getTranslation("scheduling.session.answers")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SessionSummary::attended).setHeader(getTranslation("scheduling.session.attended"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(s -> s.isPast(today) ? "gn-past-row" : null);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(round.title());
        grid.setItems(ofRound);
        return grid;
    }

    private Component sessionTitle(SessionSummary s, LocalDate today) {
        RouterLink link = sessionLink(s);
        link.setText(s.title());
        Span cell = new Span(link);
        if (s.isPast(today)) {
            Span past = new Span(getTranslation("scheduling.session.past"));
            past.addClassName("gn-past-badge");
            cell.add(past);
        }
        if (s.required()) {
            Span required = new Span(getTranslation("scheduling.session.required-badge"));
            required.addClassName("gn-required-badge");
            cell.add(required);
        }
        return cell;
    }

    RouterLink sessionLink(SessionSummary s) {
        return new RouterLink("", SessionEditorView.class, SessionEditorView.parameters(processId, s.id()));
    }

    private void openNewSession(Long roundId) {
        getUI().ifPresent(ui -> ui.navigate(SessionEditorView.class, SessionEditorView.newSession(processId),
                roundId == null ? QueryParameters.empty() : QueryParameters.of("round", String.valueOf(roundId))));
    }

    // --- calendar -----------------------------------------------------------------------------------------

    private void fillCalendar() {
        java.time.YearMonth shown = calendar == null ? null : calendar.month();
        calendarTab.removeAll();
        calendar = new ProgrammeCalendar(programme.sessions(), today(), this::sessionLink);
        if (shown != null) {
            calendar.show(shown);
        }
        calendarTab.add(calendar);
        if (programme.sessions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("scheduling.programme.empty-calendar"));
            none.addClassName("gn-hint");
            calendarTab.add(none);
        }
    }

    // --- rounds -------------------------------------------------------------------------------------------

    private void fillRounds() {
        roundsTab.removeAll();
        if (programme.canEdit()) {
            Button add = new Button(getTranslation("scheduling.round.add"), VaadinIcon.PLUS.create(),
                    e -> new RoundDialog(null).open());
            add.setId("add-round");
            roundsTab.add(add);
        }
        roundGrid.removeAllColumns();
        roundGrid.addColumn(RoundRow::title).setHeader(getTranslation("scheduling.round.name")).setFlexGrow(1);
        roundGrid.addColumn(r -> getTranslation(r.kind().messageKey())).setHeader(getTranslation("scheduling.round.kind"))
                .setAutoWidth(true);
        roundGrid.addColumn(RoundRow::sessionCount).setHeader(getTranslation("scheduling.round.session-count"))
                .setAutoWidth(true).setFlexGrow(0);
        if (programme.canEdit()) {
            roundGrid.addComponentColumn(this::roundActions).setHeader(getTranslation("scheduling.actions"))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        roundGrid.setAllRowsVisible(true);
        roundGrid.setEmptyStateText(getTranslation("scheduling.round.empty"));
        roundGrid.setAriaLabel(getTranslation("scheduling.programme.tab.rounds"));
        roundGrid.setItems(programme.rounds());
        roundsTab.add(roundGrid);
    }

    private HorizontalLayout roundActions(RoundRow round) {
        return rowActions("scheduling.round.", round.title(), () -> new RoundDialog(round).open(),
                () -> service.deleteRound(round.id(), round.version()));
    }

    /**
     * Edit and delete buttons for a row of the rounds or venues grid; {@code keys} is the prefix of the row
     * kind's texts (edit-named, delete-title, delete-text, delete-named, deleted). Deleting asks first, and a
     * refusal (e.g. a venue still in use) is shown as the service words it.
     */
    private HorizontalLayout rowActions(String keys, String name, Runnable openEditor, Runnable deletion) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> openEditor.run());
        edit.setAriaLabel(getTranslation(keys + "edit-named", name));
        edit.setTooltipText(getTranslation("action.edit"));
        edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> Confirm.destructive(this,
                keys + "delete-title", getTranslation(keys + "delete-text", name),
                "scheduling.action.delete", () -> {
                    try {
                        deletion.run();
                        Notifications.success(getTranslation(keys + "deleted"));
                        refresh();
                    } catch (UserFacingException ex) {
                        Notifications.error(Messages.of(this, ex));
                    }
                }));
        delete.setAriaLabel(getTranslation(keys + "delete-named", name));
        delete.setTooltipText(getTranslation("scheduling.action.delete"));
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
        return new HorizontalLayout(edit, delete);
    }

    /** Adds a round, or edits one: its title and what it is for. */
    final class RoundDialog extends Dialog {

        final TextField title = new TextField();
        final Select<RoundKind> kind = new Select<>();
        final Button save = new Button();
        private final RoundRow round;
        private final FieldErrors errors = new FieldErrors();

        RoundDialog(RoundRow round) {
            this.round = round;
            setHeaderTitle(getTranslation(round == null ? "scheduling.round.add" : "scheduling.round.edit"));
            title.setLabel(getTranslation("scheduling.round.name"));
            title.setMaxLength(100);
            title.setRequiredIndicatorVisible(true);
            title.setWidthFull();
            kind.setLabel(getTranslation("scheduling.round.kind"));
            kind.setItems(RoundKind.values());
            kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
            kind.setRequiredIndicatorVisible(true);
            if (round != null) {
                title.setValue(round.title());
                kind.setValue(round.kind());
            }
            errors.bind("title", title).bind("kind", kind);
            Div fields = new Div(title, kind);
            fields.addClassName("gn-dialog-fields");
            add(fields);
            save.setText(getTranslation("action.save"));
            save.setId("save-round");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
            addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    title.focus();
                }
            });
        }

        void save() {
            RoundForm form = round == null ? new RoundForm(null, 0, processId, title.getValue(), kind.getValue())
                    : new RoundForm(round.id(), round.version(), processId, title.getValue(), kind.getValue());
            try {
                service.saveRound(form);
                close();
                Notifications.success(getTranslation("scheduling.round.saved"));
                refresh();
            } catch (ValidationException ex) {
                String rest = errors.show(this, ex);
                if (!rest.isEmpty()) {
                    Notifications.error(rest);
                }
            } catch (UserFacingException ex) {
                Notifications.error(Messages.of(this, ex));
            }
        }
    }

    // --- venues -------------------------------------------------------------------------------------------

    private void fillVenues() {
        venuesTab.removeAll();
        if (programme.canEdit()) {
            Button add = new Button(getTranslation("scheduling.venue.add"), VaadinIcon.PLUS.create(),
                    e -> new VenueDialog(null).open());
            add.setId("add-venue");
            venuesTab.add(add);
        }
        venueGrid.removeAllColumns();
        venueGrid.addColumn(VenueRow::name).setHeader(getTranslation("scheduling.venue.name")).setAutoWidth(true);
        venueGrid.addColumn(VenueRow::address).setHeader(getTranslation("scheduling.venue.address")).setFlexGrow(1);
        venueGrid.addColumn(VenueRow::capacity).setHeader(getTranslation("scheduling.venue.capacity"))
                .setAutoWidth(true).setFlexGrow(0);
        venueGrid.addColumn(v -> v.accessibility() == null ? "" : v.accessibility())
                .setHeader(getTranslation("scheduling.venue.accessibility")).setFlexGrow(1);
        venueGrid.addColumn(VenueRow::sessionCount).setHeader(getTranslation("scheduling.venue.session-count"))
                .setAutoWidth(true).setFlexGrow(0);
        if (programme.canEdit()) {
            venueGrid.addComponentColumn(this::venueActions).setHeader(getTranslation("scheduling.actions"))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        venueGrid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        venueGrid.setAllRowsVisible(true);
        venueGrid.setEmptyStateText(getTranslation("scheduling.venue.empty"));
        venueGrid.setAriaLabel(getTranslation("scheduling.programme.tab.venues"));
        venueGrid.setItems(programme.venues());
        venuesTab.add(venueGrid);
    }

    private HorizontalLayout venueActions(VenueRow venue) {
        return rowActions("scheduling.venue.", venue.name(), () -> new VenueDialog(venue).open(),
                () -> service.deleteVenue(venue.id(), venue.version()));
    }

    /** Adds a venue, or edits one: name, address, seats for citizens, and how to reach it without barriers. */
    final class VenueDialog extends Dialog {

        final TextField name = new TextField();
        final TextField address = new TextField();
        // No setMin: the service says what is wrong with a capacity, at this field.
        final IntegerField capacity = new IntegerField();
        final TextArea accessibility = new TextArea();
        final Button save = new Button();
        private final VenueRow venue;
        private final FieldErrors errors = new FieldErrors();

        VenueDialog(VenueRow venue) {
            this.venue = venue;
            setHeaderTitle(getTranslation(venue == null ? "scheduling.venue.add" : "scheduling.venue.edit"));
            name.setLabel(getTranslation("scheduling.venue.name"));
            name.setMaxLength(100);
            name.setRequiredIndicatorVisible(true);
            address.setLabel(getTranslation("scheduling.venue.address"));
            address.setMaxLength(300);
            address.setRequiredIndicatorVisible(true);
            capacity.setLabel(getTranslation("scheduling.venue.capacity"));
            capacity.setHelperText(getTranslation("scheduling.venue.capacity-help"));
            capacity.setRequiredIndicatorVisible(true);
            accessibility.setLabel(getTranslation("scheduling.venue.accessibility"));
            accessibility.setHelperText(getTranslation("scheduling.venue.accessibility-help"));
            accessibility.setMaxLength(500);
            for (var field : List.of(name, address, accessibility)) {
                field.setWidthFull();
            }
            if (venue != null) {
                name.setValue(venue.name());
                address.setValue(venue.address());
                capacity.setValue(venue.capacity());
                accessibility.setValue(venue.accessibility() == null ? "" : venue.accessibility());
            }
            errors.bind("name", name).bind("address", address).bind("capacity", capacity)
                    .bind("accessibility", accessibility);
            Div fields = new Div(name, address, capacity, accessibility);
            fields.addClassName("gn-dialog-fields");
            add(fields);
            setWidth("min(36rem, 95vw)");
            save.setText(getTranslation("action.save"));
            save.setId("save-venue");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
            addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    name.focus();
                }
            });
        }

        void save() {
            VenueForm form = new VenueForm(venue == null ? null : venue.id(), venue == null ? 0 : venue.version(),
                    processId, name.getValue(), address.getValue(), capacity.getValue(), accessibility.getValue());
            try {
                service.saveVenue(form);
                close();
                Notifications.success(getTranslation("scheduling.venue.saved"));
                refresh();
            } catch (ValidationException ex) {
                String rest = errors.show(this, ex);
                if (!rest.isEmpty()) {
                    Notifications.error(rest);
                }
            } catch (UserFacingException ex) {
                Notifications.error(Messages.of(this, ex));
            }
        }
    }
}
