package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ValidationException.FieldProblem;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.LocalizedDatePicker;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.AgendaKind;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundRow;
import org.gongnon.scheduling.ScheduleWarning;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.VenueRow;
import org.gongnon.security.Roles;

/**
 * One session of the programme, new or existing: when and where, for whom, and its timed agenda. Saving
 * first asks the service to check the session: errors are shown at their fields (agenda problems above the
 * agenda) and nothing is saved; warnings are shown in a dialog and the facilitator decides. The version the
 * page was loaded with goes back with the save, so a change someone else made in the meantime is reported
 * instead of overwritten, and what the user typed stays on screen. Read-only for those who may not edit.
 */
@Route("processes/:processId/programme/sessions/:sessionId(new|[0-9]{1,18})")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class SessionEditorView extends SchedulingPage {

    static final String NEW = "new";
    static final Duration TIME_STEP = Duration.ofMinutes(10);
    static final Duration DEFAULT_ITEM_LENGTH = Duration.ofMinutes(30);

    /** Who the session is for: the whole panel, or the members with one value of a feature. */
    enum Audience {
        WHOLE,
        PART
    }

    private final transient ProgrammeService service;
    private final transient Clock clock;
    private Long sessionId;
    private Long requestedRound;
    Programme programme;
    /** The session as loaded (or last saved): its id and version go back with the next save. */
    SessionForm loaded;
    boolean editable;

    final Select<RoundRow> round = new Select<>();
    final TextField title = new TextField();
    final DatePicker date = new LocalizedDatePicker();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final Select<VenueRow> venue = new Select<>();
    final TextField onlineUrl = new TextField();
    final RadioButtonGroup<Audience> audience = new RadioButtonGroup<>();
    final Select<String> audienceFeature = new Select<>();
    final Select<String> audienceValue = new Select<>();
    final Checkbox required = new Checkbox();
    final TextArea whatToBring = new TextArea();
    final Checkbox recordingPast = new Checkbox();
    final Div agendaErrors = new Div();
    final Div agendaRows = new Div();
    final List<AgendaRow> agenda = new ArrayList<>();
    final Div conflict = new Div();
    final Button save = new Button();
    final Button addItem = new Button();
    final Button delete = new Button();
    /** The warnings dialog while it is open. */
    Dialog warningsDialog;
    private final FieldErrors errors = new FieldErrors();
    /** The last error shown: replaced by the next one, closed once a save succeeds, so old news does not linger. */
    private Notification lastError;

    public SessionEditorView(ProgrammeService service, Clock clock) {
        super("programme");
        this.service = service;
        this.clock = clock;
    }

    /** The address parameters of an existing session's page. */
    static RouteParameters parameters(long processId, long sessionId) {
        return new RouteParameters(Map.of("processId", String.valueOf(processId), "sessionId",
                String.valueOf(sessionId)));
    }

    /** The address parameters of the page for a new session (add {@code ?round=id} to preselect a round). */
    static RouteParameters newSession(long processId) {
        return new RouteParameters(Map.of("processId", String.valueOf(processId), "sessionId", NEW));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get("sessionId").orElse(NEW);
        sessionId = NEW.equals(raw) ? null : Long.valueOf(raw);
        requestedRound = event.getLocation().getQueryParameters().getSingleParameter("round")
                .filter(r -> r.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(null);
        super.beforeEnter(event);
    }

    @Override
    protected String titleKey() {
        return sessionId == null ? "scheduling.session.new-title" : "scheduling.session.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        programme = service.programme(processId);
        editable = programme.canEdit();
        if (sessionId == null) {
            if (!editable) {
                Notifications.error(getTranslation("process.read-only"));
                event.forwardTo(path(processId, "programme"));
                return;
            }
            Long roundId = programme.rounds().stream().map(RoundRow::id).filter(id -> id.equals(requestedRound))
                    .findFirst().orElse(null);
            loaded = service.newSession(processId, roundId);
        } else {
            loaded = service.session(sessionId);
            if (loaded.processId() != processId) {
                // Only under its own process's address, like every other page of a process.
                throw new UserFacingException("scheduling.session.not-found");
            }
        }
        build();
        fill(loaded);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- building the page --------------------------------------------------------------------------------

    private void build() {
        RouterLink back = new RouterLink(getTranslation("scheduling.session.back"), ProgrammeView.class,
                routeParameters());
        back.addClassName("gn-back-link");
        body.add(back);

        conflict.addClassName("gn-error-box");
        conflict.setId("session-conflict");
        conflict.getElement().setAttribute("role", "alert");
        conflict.setVisible(false);
        body.add(conflict);

        if (!editable) {
            Paragraph readOnly = new Paragraph(getTranslation("scheduling.session.read-only"));
            readOnly.addClassName("gn-hint");
            body.add(readOnly);
        }
        if (loaded.id() != null && editable) {
            body.add(sessionLinks(loaded.id()));
        }

        round.setLabel(getTranslation("scheduling.session.round"));
        round.setItems(programme.rounds());
        round.setItemLabelGenerator(r -> r.title() + " (" + getTranslation(r.kind().messageKey()) + ")");
        round.setRequiredIndicatorVisible(true);
        round.setEmptySelectionAllowed(false);
        title.setLabel(getTranslation("scheduling.session.name"));
        title.setMaxLength(150);
        title.setRequiredIndicatorVisible(true);
        date.setLabel(getTranslation("scheduling.session.date"));
        date.setRequiredIndicatorVisible(true);
        for (TimePicker t : List.of(start, end)) {
            t.setStep(TIME_STEP);
            t.setLocale(getLocale());
            t.setRequiredIndicatorVisible(true);
        }
        start.setLabel(getTranslation("scheduling.session.start"));
        end.setLabel(getTranslation("scheduling.session.end"));
        venue.setLabel(getTranslation("scheduling.session.venue"));
        venue.setItems(programme.venues());
        venue.setItemLabelGenerator(v -> v == null ? getTranslation("scheduling.session.no-venue")
                : getTranslation("scheduling.session.venue-option", v.name(), v.capacity()));
        venue.setEmptySelectionAllowed(true);
        venue.setEmptySelectionCaption(getTranslation("scheduling.session.no-venue"));
        venue.setHelperText(getTranslation("scheduling.session.venue-help"));
        onlineUrl.setLabel(getTranslation("scheduling.session.online-url"));
        onlineUrl.setPlaceholder("https://");
        onlineUrl.setMaxLength(500);
        HorizontalLayout times = new HorizontalLayout(start, end);
        times.setWrap(true); // two pickers side by side, one above the other on a narrow phone
        start.setWidth("9.5em");
        end.setWidth("9.5em");
        FormLayout basics = new FormLayout(round, title, date, times, venue, onlineUrl);
        basics.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        body.add(basics);

        audience.setLabel(getTranslation("scheduling.session.audience"));
        audience.setItems(Audience.values());
        audience.setItemLabelGenerator(a -> getTranslation(a == Audience.WHOLE ? "scheduling.audience.whole"
                : "scheduling.audience.part"));
        if (programme.audienceOptions().isEmpty()) {
            audience.setItemEnabledProvider(a -> a == Audience.WHOLE);
            audience.setHelperText(getTranslation("scheduling.audience.no-features"));
        }
        audience.addValueChangeListener(e -> showAudienceChoice());
        audienceFeature.setLabel(getTranslation("scheduling.audience.feature"));
        audienceFeature.addValueChangeListener(e -> {
            audienceValue.setItems(valuesOf(e.getValue(), null));
            audienceValue.clear();
        });
        audienceValue.setLabel(getTranslation("scheduling.audience.value"));
        HorizontalLayout part = new HorizontalLayout(audienceFeature, audienceValue);
        part.setWrap(true);
        required.setLabel(getTranslation("scheduling.session.required"));
        required.setHelperText(getTranslation("scheduling.session.required-help"));
        recordingPast.setLabel(getTranslation("scheduling.session.recording-past"));
        recordingPast.setHelperText(getTranslation("scheduling.session.recording-past-help"));
        whatToBring.setLabel(getTranslation("scheduling.session.what-to-bring"));
        whatToBring.setMaxLength(500);
        whatToBring.setWidthFull();
        body.add(audience, part, required, recordingPast, whatToBring);

        errors.bind("roundId", round).bind("title", title).bind("date", date).bind("start", start).bind("end", end)
                .bind("venueId", venue).bind("onlineUrl", onlineUrl).bind("audienceFeature", audienceFeature)
                .bind("audienceValue", audienceValue).bind("whatToBring", whatToBring);

        H3 agendaHeading = new H3(getTranslation("scheduling.agenda.title"));
        agendaHeading.setId("agenda-heading");
        agendaErrors.addClassName("gn-error-box");
        agendaErrors.setId("agenda-errors");
        agendaErrors.getElement().setAttribute("role", "alert");
        agendaErrors.setVisible(false);
        agendaRows.addClassName("gn-agenda");
        agendaRows.getElement().setAttribute("aria-labelledby", "agenda-heading");
        body.add(agendaHeading, agendaErrors, agendaRows);

        if (editable) {
            addItem.setText(getTranslation("scheduling.agenda.add"));
            addItem.setIcon(VaadinIcon.PLUS.create());
            addItem.setId("add-agenda-item");
            addItem.addClickListener(e -> addDefaultItem());
            body.add(addItem);

            save.setText(getTranslation("action.save"));
            save.setIcon(VaadinIcon.CHECK.create());
            save.setId("save-session");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> save());
            HorizontalLayout actions = new HorizontalLayout(save);
            if (loaded.id() != null) {
                delete.setText(getTranslation("scheduling.action.delete"));
                delete.setIcon(VaadinIcon.TRASH.create());
                delete.setId("delete-session");
                delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
                delete.addClickListener(e -> confirmDelete());
                actions.add(delete);
            }
            actions.addClassName("gn-form-actions");
            body.add(actions);
        } else {
            for (var field : List.of(round, venue, audienceFeature, audienceValue)) {
                field.setReadOnly(true);
            }
            for (var field : List.of(title, onlineUrl)) {
                field.setReadOnly(true);
            }
            date.setReadOnly(true);
            start.setReadOnly(true);
            end.setReadOnly(true);
            audience.setReadOnly(true);
            required.setReadOnly(true);
            recordingPast.setVisible(false);
            whatToBring.setReadOnly(true);
        }
    }

    /** Invitations, tables and check-in of this session: pages of their own, reached by their addresses. */
    private Nav sessionLinks(long id) {
        Nav links = new Nav();
        links.addClassName("gn-session-links");
        links.getElement().setAttribute("aria-label", getTranslation("scheduling.session.links"));
        String base = path(processId, "programme/sessions/" + id + "/");
        links.add(new Anchor(base + "invitations", getTranslation("scheduling.session.invitations")),
                new Anchor(base + "tables", getTranslation("scheduling.session.tables")),
                new Anchor(base + "check-in", getTranslation("scheduling.session.check-in")));
        return links;
    }

    /** Puts a session's values into the fields and the agenda rows; clears any earlier messages. */
    void fill(SessionForm f) {
        round.setValue(programme.rounds().stream().filter(r -> f.roundId() != null && r.id() == f.roundId())
                .findFirst().orElse(null));
        title.setValue(nullToEmpty(f.title()));
        date.setValue(f.date());
        start.setValue(f.start());
        end.setValue(f.end());
        venue.setValue(programme.venues().stream().filter(v -> f.venueId() != null && v.id() == f.venueId())
                .findFirst().orElse(null));
        onlineUrl.setValue(nullToEmpty(f.onlineUrl()));
        Set<String> features = new TreeSet<>(programme.audienceOptions().keySet());
        if (!f.wholePanel()) {
            features.add(f.audienceFeature()); // still shown if the targets changed since
        }
        audienceFeature.setItems(features);
        audience.setValue(f.wholePanel() ? Audience.WHOLE : Audience.PART);
        audienceFeature.setValue(f.wholePanel() ? null : f.audienceFeature());
        audienceValue.setItems(valuesOf(f.audienceFeature(), f.audienceValue()));
        audienceValue.setValue(f.wholePanel() ? null : f.audienceValue());
        showAudienceChoice();
        required.setValue(f.required());
        whatToBring.setValue(nullToEmpty(f.whatToBring()));
        // A session that already took place is being recorded, not planned: saying so again each time helps no one.
        recordingPast.setValue(f.recordingPast() || f.id() != null && f.date() != null && f.date().isBefore(today()));
        agenda.clear();
        f.agenda().forEach(item -> agenda.add(new AgendaRow(item)));
        showAgenda();
        errors.clear();
        clearAgendaErrors();
        conflict.setVisible(false);
    }

    private List<String> valuesOf(String feature, String alsoValue) {
        List<String> values = new ArrayList<>(feature == null ? List.of()
                : programme.audienceOptions().getOrDefault(feature, List.of()));
        if (alsoValue != null && !values.contains(alsoValue)) {
            values.add(alsoValue);
        }
        return values;
    }

    private void showAudienceChoice() {
        boolean part = audience.getValue() == Audience.PART;
        audienceFeature.setVisible(part);
        audienceValue.setVisible(part);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // --- the agenda ---------------------------------------------------------------------------------------

    /** A new item where the last one ends (or when the session starts), half an hour long. */
    void addDefaultItem() {
        LocalTime from = agenda.isEmpty() ? Optional.ofNullable(start.getValue()).orElse(LocalTime.of(14, 0))
                : Optional.ofNullable(agenda.getLast().itemEnd.getValue())
                .orElse(Optional.ofNullable(start.getValue()).orElse(LocalTime.of(14, 0)));
        AgendaRow row = new AgendaRow(new AgendaItemForm(from, from.plus(DEFAULT_ITEM_LENGTH), null, "", ""));
        agenda.add(row);
        if (agenda.size() == 1) {
            showAgenda();
        } else {
            // Only append: the rows above keep their elements, and with them anything typed a moment ago.
            agenda.get(agenda.size() - 2).number(agenda.size() - 2, agenda.size());
            row.number(agenda.size() - 1, agenda.size());
            agendaRows.add(row);
        }
        row.itemTitle.focus();
    }

    void moveItem(AgendaRow row, int by) {
        int from = agenda.indexOf(row);
        int to = from + by;
        if (from < 0 || to < 0 || to >= agenda.size()) {
            return;
        }
        agenda.remove(from);
        agenda.add(to, row);
        showAgenda();
        // Keep the keyboard where it was: on the same button of the moved row, or its twin when that end is reached.
        Button same = by < 0 ? row.up : row.down;
        (same.isEnabled() ? same : by < 0 ? row.down : row.up).focus();
    }

    void removeItem(AgendaRow row) {
        agenda.remove(row);
        showAgenda();
        addItem.focus();
    }

    private void showAgenda() {
        agendaRows.removeAll();
        if (agenda.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("scheduling.agenda.empty"));
            none.addClassName("gn-hint");
            agendaRows.add(none);
            return;
        }
        Div head = new Div();
        head.addClassName("gn-agenda-head");
        head.getElement().setAttribute("aria-hidden", "true"); // each field has its own accessible name
        for (String key : List.of("scheduling.agenda.number", "scheduling.agenda.start", "scheduling.agenda.end",
                "scheduling.agenda.kind", "scheduling.agenda.item-title", "scheduling.agenda.people")) {
            head.add(new Span(getTranslation(key)));
        }
        agendaRows.add(head);
        for (int i = 0; i < agenda.size(); i++) {
            agenda.get(i).number(i, agenda.size());
            agendaRows.add(agenda.get(i));
        }
    }

    private void clearAgendaErrors() {
        agendaErrors.removeAll();
        agendaErrors.setVisible(false);
        agenda.forEach(r -> r.removeClassName("gn-agenda-row-invalid"));
    }

    /** One agenda item: its times, kind, title and people, with buttons to move or remove it. */
    final class AgendaRow extends Div {

        final TimePicker itemStart = new TimePicker();
        final TimePicker itemEnd = new TimePicker();
        final Select<AgendaKind> kind = new Select<>();
        final TextField itemTitle = new TextField();
        final TextField people = new TextField();
        final Button up = new Button(VaadinIcon.ARROW_UP.create());
        final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
        final Button removeButton = new Button(VaadinIcon.CLOSE_SMALL.create());
        private final Span number = new Span();

        AgendaRow(AgendaItemForm item) {
            addClassName("gn-agenda-row");
            getElement().setAttribute("role", "group");
            number.addClassName("gn-agenda-number");
            number.getElement().setAttribute("aria-hidden", "true");
            for (TimePicker t : List.of(itemStart, itemEnd)) {
                t.setStep(TIME_STEP);
                t.setLocale(getLocale());
            }
            itemStart.setValue(item.start());
            itemEnd.setValue(item.end());
            kind.setItems(AgendaKind.values());
            kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
            kind.setPlaceholder(getTranslation("scheduling.agenda.kind"));
            kind.setValue(item.kind());
            itemTitle.setValue(nullToEmpty(item.title()));
            itemTitle.setMaxLength(200);
            itemTitle.setPlaceholder(getTranslation("scheduling.agenda.item-title"));
            people.setValue(nullToEmpty(item.people()));
            people.setMaxLength(300);
            people.setPlaceholder(getTranslation("scheduling.agenda.people"));
            add(number, itemStart, itemEnd, kind, itemTitle, people);
            if (editable) {
                up.addClickListener(e -> moveItem(this, -1));
                down.addClickListener(e -> moveItem(this, 1));
                removeButton.addClickListener(e -> removeItem(this));
                for (Button b : List.of(up, down, removeButton)) {
                    b.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                }
                removeButton.addThemeVariants(ButtonVariant.ERROR);
                Div buttons = new Div(up, down, removeButton);
                buttons.addClassName("gn-agenda-buttons");
                add(buttons);
            } else {
                itemStart.setReadOnly(true);
                itemEnd.setReadOnly(true);
                kind.setReadOnly(true);
                itemTitle.setReadOnly(true);
                people.setReadOnly(true);
            }
        }

        /** Names the row and its controls by position, e.g. "2번째 순서 시작 시각". */
        void number(int index, int count) {
            int n = index + 1;
            number.setText(n + ".");
            getElement().setAttribute("aria-label", getTranslation("scheduling.agenda.row", n));
            itemStart.setAriaLabel(getTranslation("scheduling.agenda.row-start", n));
            itemEnd.setAriaLabel(getTranslation("scheduling.agenda.row-end", n));
            kind.setAriaLabel(getTranslation("scheduling.agenda.row-kind", n));
            itemTitle.setAriaLabel(getTranslation("scheduling.agenda.row-title", n));
            people.setAriaLabel(getTranslation("scheduling.agenda.row-people", n));
            up.setAriaLabel(getTranslation("scheduling.agenda.move-up", n));
            up.setTooltipText(getTranslation("scheduling.agenda.move-up", n));
            down.setAriaLabel(getTranslation("scheduling.agenda.move-down", n));
            down.setTooltipText(getTranslation("scheduling.agenda.move-down", n));
            removeButton.setAriaLabel(getTranslation("scheduling.agenda.remove", n));
            removeButton.setTooltipText(getTranslation("scheduling.agenda.remove", n));
            up.setEnabled(index > 0);
            down.setEnabled(index < count - 1);
        }

        AgendaItemForm toForm() {
            return new AgendaItemForm(itemStart.getValue(), itemEnd.getValue(), kind.getValue(), itemTitle.getValue(),
                    people.getValue());
        }
    }

    // --- saving -------------------------------------------------------------------------------------------

    /** The form as the user has filled it in, with the id and version it was loaded with. */
    SessionForm current() {
        boolean part = audience.getValue() == Audience.PART;
        return new SessionForm(loaded.id(), loaded.version(), processId,
                round.getValue() == null ? null : round.getValue().id(), title.getValue(), date.getValue(),
                start.getValue(), end.getValue(), venue.getValue() == null ? null : venue.getValue().id(),
                onlineUrl.getValue(), part ? audienceFeature.getValue() : null, part ? audienceValue.getValue() : null,
                required.getValue(), whatToBring.getValue(), recordingPast.getValue(),
                agenda.stream().map(AgendaRow::toForm).toList());
    }

    /** Checks the session; saves it at once without warnings, or after the user accepts them. */
    void save() {
        SessionForm form = current();
        List<FieldProblem> own = new ArrayList<>();
        if (audience.getValue() == Audience.PART && audienceFeature.getValue() == null) {
            // The service reads a part without a feature as the whole panel; the user meant otherwise.
            own.add(new FieldProblem("audienceFeature", "validation.required"));
        }
        List<ScheduleWarning> warnings;
        try {
            warnings = service.checkSession(form);
        } catch (ValidationException e) {
            List<FieldProblem> all = new ArrayList<>(e.problems());
            all.addAll(own);
            showProblems(new ValidationException(all));
            return;
        } catch (UserFacingException e) {
            error(Messages.of(this, e));
            return;
        }
        if (!own.isEmpty()) {
            showProblems(new ValidationException(own));
            return;
        }
        if (warnings.isEmpty()) {
            store(form, false);
        } else {
            showWarnings(form, warnings);
        }
    }

    private void showWarnings(SessionForm form, List<ScheduleWarning> warnings) {
        closeError();
        errors.clear();
        clearAgendaErrors();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("scheduling.warnings.title"));
        UnorderedList list = new UnorderedList();
        list.setId("session-warnings");
        for (ScheduleWarning w : warnings) {
            list.add(new ListItem(Messages.translate(this, w.messageKey(), w.arguments().toArray())));
        }
        dialog.add(new Paragraph(getTranslation("scheduling.warnings.intro")), list);
        Button back = new Button(getTranslation("scheduling.warnings.back"), e -> dialog.close());
        back.setId("warnings-back");
        Button accept = new Button(getTranslation("scheduling.warnings.accept"), e -> {
            dialog.close();
            store(form, true);
        });
        accept.setId("warnings-accept");
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(back, accept);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                warningsDialog = null;
            }
        });
        warningsDialog = dialog;
        dialog.open();
        back.focus();
    }

    private void store(SessionForm form, boolean warningsAccepted) {
        try {
            SessionForm saved = service.saveSession(form, warningsAccepted);
            closeError();
            Notifications.success(getTranslation("scheduling.session.saved"));
            if (loaded.id() == null) {
                getUI().ifPresent(ui -> ui.navigate(SessionEditorView.class, parameters(processId, saved.id())));
                return;
            }
            loaded = saved;
            fill(saved);
        } catch (ValidationException e) {
            showProblems(e);
        } catch (UserFacingException e) {
            if ("scheduling.concurrent-edit".equals(e.messageKey())) {
                showConflict(e);
            } else {
                error(Messages.of(this, e));
            }
        }
    }

    /** Field problems at their fields, agenda problems above the agenda, anything else in a notification. */
    private void showProblems(ValidationException e) {
        List<FieldProblem> atFields = e.problems().stream().filter(p -> !"agenda".equals(p.field())).toList();
        List<FieldProblem> ofAgenda = e.problems().stream().filter(p -> "agenda".equals(p.field())).toList();
        String unplaced = errors.show(this, new ValidationException(atFields));
        clearAgendaErrors();
        if (!ofAgenda.isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (FieldProblem p : ofAgenda) {
                list.add(new ListItem(Messages.of(this, p)));
                // Agenda problems name their row first (1-based), except the one about too many rows.
                if (!p.messageKey().equals("scheduling.agenda.too-many") && p.arguments().length > 0
                        && p.arguments()[0] instanceof Integer row && row >= 1 && row <= agenda.size()) {
                    agenda.get(row - 1).addClassName("gn-agenda-row-invalid");
                }
            }
            agendaErrors.add(new Paragraph(getTranslation("scheduling.agenda.problems")), list);
            agendaErrors.setVisible(true);
        }
        error(unplaced.isEmpty() ? getTranslation("validation.failed")
                : getTranslation("validation.failed") + "\n" + unplaced);
    }

    /** Someone saved this session since it was loaded: say so where it is seen, keep the user's input. */
    private void showConflict(UserFacingException e) {
        conflict.removeAll();
        Paragraph text = new Paragraph(Messages.of(this, e));
        Button reload = new Button(getTranslation("scheduling.session.reload"), VaadinIcon.REFRESH.create(), ev -> {
            loaded = service.session(loaded.id());
            fill(loaded);
            closeError();
            Notifications.success(getTranslation("scheduling.session.reloaded"));
        });
        reload.setId("reload-session");
        conflict.add(text, reload);
        conflict.setVisible(true);
        error(text.getText());
    }

    private void error(String text) {
        closeError();
        lastError = Notifications.error(text);
    }

    private void closeError() {
        if (lastError != null) {
            lastError.close();
            lastError = null;
        }
    }

    private void confirmDelete() {
        Confirm.destructive(this, "scheduling.session.delete-title",
                getTranslation("scheduling.session.delete-text", loaded.title()), "scheduling.action.delete", () -> {
                    try {
                        service.deleteSession(loaded.id(), loaded.version());
                        Notifications.success(getTranslation("scheduling.session.deleted"));
                        getUI().ifPresent(ui -> ui.navigate(ProgrammeView.class, routeParameters()));
                    } catch (UserFacingException ex) {
                        if ("scheduling.concurrent-edit".equals(ex.messageKey())) {
                            showConflict(ex);
                        } else {
                            error(Messages.of(this, ex));
                        }
                    }
                });
    }
}
