package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.AttendeeRow;
import org.gongnon.scheduling.CheckInResult;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.SessionAttendance;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.security.Roles;

/**
 * The check-in desk, made for a tablet at the door: a code field that a USB or Bluetooth scanner types into
 * (the code, then Enter), a name search with large buttons, and a confirmation that is read out to screen
 * readers. The counts refresh after every action and every few seconds, so two tablets at two doors see each
 * other's check-ins.
 */
@Route("processes/:processId/programme/sessions/:sessionId/check-in")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class CheckInView extends SchedulingPage {

    /** How often the counts and the list are read again while the page is open. */
    static final int POLL_MILLIS = 5000;
    /** More matches than this are not listed: the name search is for finding one person. */
    static final int MAX_MATCHES = 20;

    private final transient ProgrammeService programme;
    private final transient AttendanceService attendance;
    private final transient Clock clock;
    private long sessionId;
    SessionAttendance door;
    final Div counts = new Div();
    /** The outcome of the last action; a live region, so screen readers read it out. */
    final Div result = new Div();
    final TextField code = new TextField();
    final Button codeSubmit = new Button();
    final Checkbox lateMode = new Checkbox();
    final Button cameraScan = new Button();
    final TextField search = new TextField();
    final Div people = new Div();
    final Paragraph peopleHint = new Paragraph();
    /** The rows the list shows now, to rebuild it only when they change (a rebuild would lose focus). */
    private List<AttendeeRow> shownRows = List.of();
    private Registration pollRegistration;

    public CheckInView(ProgrammeService programme, AttendanceService attendance, Clock clock) {
        super("attendance");
        this.programme = programme;
        this.attendance = attendance;
        this.clock = clock;
        addClassName("gn-checkin");
        // Listeners are added once: the router reuses this view when going from one session's desk to another's.
        // A scanner types the code, then Enter. The value travels with the key event, so it cannot be
        // overtaken by the field's own value synchronisation.
        code.getElement().addEventListener("keydown", e -> {
            tools.jackson.databind.JsonNode typed = e.getEventData().get("element.value");
            submitCode(typed != null && typed.isString() ? typed.asString() : code.getValue());
        }).addEventData("element.value").setFilter("event.key === 'Enter'");
        codeSubmit.addClickListener(e -> submitCode(code.getValue()));
        cameraScan.addClickListener(e -> startCamera());
        search.addValueChangeListener(e -> showPeople());
    }

    @Override
    protected String titleKey() {
        return "scheduling.checkin.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId")
                .orElseThrow(() -> new UserFacingException("scheduling.session.not-found"));
        SessionForm session = programme.session(sessionId);
        if (session.processId() != processId) {
            throw new UserFacingException("scheduling.session.not-found");
        }
        door = attendance.attendance(sessionId);
        body.add(sessionLine(session));
        if (session.date().isAfter(LocalDate.now(clock))) {
            Paragraph notYet = new Paragraph(getTranslation("scheduling.checkin.not-yet"));
            notYet.addClassName("gn-error-box");
            notYet.setId("checkin-not-yet");
            body.add(notYet);
        }
        counts.addClassName("gn-checkin-counts");
        counts.setId("checkin-counts");
        result.setId("checkin-result");
        result.addClassName("gn-checkin-result");
        result.getElement().setAttribute("aria-live", "assertive");
        result.getElement().setAttribute("aria-atomic", "true");
        result.removeAll();
        code.clear();
        search.clear();
        people.removeAll();
        shownRows = List.of();
        body.add(counts, result, codeSection(), nameSection());
        showCounts();
        showPeople();
    }

    private Component sessionLine(SessionForm session) {
        Div line = new Div();
        line.addClassName("gn-checkin-session");
        H3 title = new H3(session.title());
        title.setId("session-title");
        String place = door.session().venueName() != null ? door.session().venueName() : getTranslation(
                "scheduling.checkin.online");
        Span when = new Span(AttendanceFormats.when(getLocale(), session.date(), session.start(), session.end())
                + " · " + place);
        Anchor all = new Anchor(path(processId, "attendance"), getTranslation("scheduling.attendance.title"));
        line.add(title, when, new Span(" · "), all);
        return line;
    }

    private Component codeSection() {
        code.setLabel(getTranslation("scheduling.checkin.code"));
        code.setHelperText(getTranslation("scheduling.checkin.code-help"));
        code.setId("checkin-code");
        code.setAutofocus(true);
        code.setClearButtonVisible(true);
        code.setValueChangeMode(ValueChangeMode.EAGER);
        code.getElement().setAttribute("autocomplete", "off");
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("spellcheck", "false");
        code.addClassName("gn-checkin-code");
        codeSubmit.setText(getTranslation("scheduling.checkin.code-submit"));
        codeSubmit.setId("checkin-code-submit");
        codeSubmit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        lateMode.setLabel(getTranslation("scheduling.checkin.late-mode"));
        lateMode.setId("late-mode");
        cameraScan.setText(getTranslation("scheduling.checkin.camera"));
        cameraScan.setId("camera-scan");
        cameraScan.addThemeVariants(ButtonVariant.LARGE);
        cameraScan.setVisible(false);
        Div row = new Div(code, codeSubmit, cameraScan);
        row.addClassName("gn-checkin-code-row");
        Div section = new Div(row, lateMode);
        section.addClassName("gn-card");
        return section;
    }

    private Component nameSection() {
        search.setLabel(getTranslation("scheduling.checkin.search"));
        search.setId("checkin-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.getElement().setAttribute("autocomplete", "off");
        search.addClassName("gn-checkin-search");
        people.setId("checkin-people");
        people.addClassName("gn-checkin-people");
        peopleHint.addClassName("gn-hint");
        peopleHint.getElement().setAttribute("role", "status");
        Div section = new Div(search, peopleHint, people);
        section.addClassName("gn-card");
        return section;
    }

    /** Checks in the person whose code was typed or scanned; the field is emptied for the next one. */
    void submitCode(String typed) {
        String value = typed == null ? "" : typed.strip();
        code.clear();
        code.focus();
        if (value.isEmpty()) {
            return;
        }
        try {
            show(attendance.checkInByCode(sessionId, value, lateMode.getValue()), lateMode.getValue());
        } catch (UserFacingException e) {
            showError(Messages.of(this, e));
        }
        refresh();
    }

    void checkIn(AttendeeRow row, boolean late) {
        try {
            show(attendance.checkIn(sessionId, row.panelMemberId(), late), late);
        } catch (UserFacingException e) {
            showError(Messages.of(this, e));
        }
        refresh();
        search.focus();
    }

    void undo(AttendeeRow row) {
        act(() -> attendance.undoCheckIn(sessionId, row.panelMemberId()),
                getTranslation("scheduling.checkin.undone", row.displayName()));
    }

    void toggleLate(AttendeeRow row) {
        act(() -> attendance.markLate(sessionId, row.panelMemberId(), !row.late()),
                getTranslation(row.late() ? "scheduling.checkin.late-cleared" : "scheduling.checkin.late-marked",
                        row.displayName()));
    }

    void toggleLeftEarly(AttendeeRow row) {
        act(() -> attendance.markLeftEarly(sessionId, row.panelMemberId(), !row.leftEarly()),
                getTranslation(row.leftEarly() ? "scheduling.checkin.left-early-cleared"
                        : "scheduling.checkin.left-early-marked", row.displayName()));
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            showInfo(done);
        } catch (UserFacingException e) {
            showError(Messages.of(this, e));
        }
        refresh();
    }

    /** Reads the door list again: after every action, and on every poll. */
    void refresh() {
        door = attendance.attendance(sessionId);
        showCounts();
        showPeople();
    }

    private void show(CheckInResult r, boolean late) {
        result.removeAll();
        result.setClassName("gn-checkin-result");
        Paragraph main = new Paragraph(getTranslation(r.alreadyCheckedIn() ? "scheduling.checkin.already"
                : "scheduling.checkin.done", r.displayName()));
        main.addClassName("gn-checkin-main");
        Paragraph table = new Paragraph(r.tableNo() == null ? getTranslation("scheduling.checkin.no-table")
                : getTranslation("scheduling.checkin.table", r.tableNo()));
        // A table number is what people look for, so it is shown large; "no table" is just a note.
        table.addClassName(r.tableNo() == null ? "gn-checkin-note" : "gn-checkin-table");
        result.add(main, table);
        result.addClassName(r.alreadyCheckedIn() ? "gn-checkin-info" : "gn-checkin-ok");
        if (!r.alreadyCheckedIn() && late) {
            result.add(new Paragraph(getTranslation("scheduling.checkin.recorded-late")));
        }
        if (!r.invited()) {
            Paragraph walkIn = new Paragraph(getTranslation("scheduling.checkin.not-invited"));
            walkIn.addClassName("gn-warning");
            result.add(walkIn);
        }
    }

    private void showInfo(String text) {
        result.removeAll();
        result.setClassName("gn-checkin-result");
        result.addClassName("gn-checkin-info");
        Paragraph main = new Paragraph(text);
        main.addClassName("gn-checkin-main");
        result.add(main);
    }

    private void showError(String text) {
        result.removeAll();
        result.setClassName("gn-checkin-result");
        result.addClassName("gn-checkin-error");
        Paragraph main = new Paragraph(text);
        main.addClassName("gn-checkin-main");
        result.add(main);
    }

    private void showCounts() {
        counts.removeAll();
        counts.add(AttendanceFormats.countCard("count-expected", getTranslation("scheduling.count.expected"),
                        door.expected()),
                AttendanceFormats.countCard("count-confirmed", getTranslation("scheduling.count.confirmed"),
                        door.confirmed()),
                AttendanceFormats.countCard("count-checked-in", getTranslation("scheduling.count.checked-in"),
                        door.checkedIn()),
                AttendanceFormats.countCard("count-late", getTranslation("scheduling.count.late"), door.late()),
                AttendanceFormats.countCard("count-left-early", getTranslation("scheduling.count.left-early"),
                        door.leftEarly()));
    }

    /** Lists the people whose name contains the search text (none while the search is empty). */
    private void showPeople() {
        String q = search.getValue() == null ? "" : search.getValue().replace(" ", "");
        List<AttendeeRow> matches = q.isEmpty() ? List.of()
                : door.rows().stream().filter(r -> r.displayName().replace(" ", "").contains(q)).toList();
        if (q.isEmpty()) {
            peopleHint.setText(getTranslation("scheduling.checkin.search-hint"));
        } else if (matches.isEmpty()) {
            peopleHint.setText(getTranslation("scheduling.checkin.no-match", search.getValue().strip()));
        } else if (matches.size() > MAX_MATCHES) {
            peopleHint.setText(getTranslation("scheduling.checkin.too-many", matches.size(), MAX_MATCHES));
        } else {
            peopleHint.setText(getTranslation("scheduling.checkin.matches", matches.size()));
        }
        List<AttendeeRow> rows = matches.size() > MAX_MATCHES ? matches.subList(0, MAX_MATCHES) : matches;
        if (rows.equals(shownRows) && people.getChildren().count() == rows.size()) {
            return;
        }
        shownRows = new ArrayList<>(rows);
        people.removeAll();
        rows.forEach(r -> people.add(person(r)));
    }

    private Component person(AttendeeRow row) {
        Div card = new Div();
        card.addClassName("gn-checkin-person");
        if (row.checkedIn()) {
            card.addClassName("gn-checkin-person-in");
        }
        Span name = new Span(row.displayName());
        name.addClassName("gn-checkin-name");
        Span state = new Span(stateText(row));
        state.addClassName("gn-checkin-state");
        Div who = new Div(name, state);
        who.addClassName("gn-checkin-who");
        Div actions = new Div();
        actions.addClassName("gn-checkin-actions");
        long id = row.panelMemberId();
        if (!row.checkedIn()) {
            Button in = new Button(getTranslation("scheduling.checkin.check-in"), e -> checkIn(row, false));
            in.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
            in.setId("check-in-" + id);
            in.setAriaLabel(getTranslation("scheduling.checkin.check-in-for", row.displayName()));
            Button late = new Button(getTranslation("scheduling.checkin.check-in-late"), e -> checkIn(row, true));
            late.addThemeVariants(ButtonVariant.LARGE);
            late.setId("check-in-late-" + id);
            late.setAriaLabel(getTranslation("scheduling.checkin.check-in-late-for", row.displayName()));
            actions.add(in, late);
        } else {
            actions.add(toggle("late-" + id, getTranslation("scheduling.checkin.late"), row.late(),
                            row.displayName(), () -> toggleLate(row)),
                    toggle("left-early-" + id, getTranslation("scheduling.checkin.left-early"), row.leftEarly(),
                            row.displayName(), () -> toggleLeftEarly(row)));
            Button undo = new Button(getTranslation("scheduling.checkin.undo"), e -> undo(row));
            undo.addThemeVariants(ButtonVariant.LARGE, ButtonVariant.TERTIARY);
            undo.setId("undo-" + id);
            undo.setAriaLabel(getTranslation("scheduling.checkin.undo-for", row.displayName()));
            actions.add(undo);
        }
        card.add(who, actions);
        return card;
    }

    /** A toggle button: its state is in aria-pressed for screen readers and in its look for the eye. */
    private Button toggle(String id, String label, boolean pressed, String name, Runnable action) {
        Button b = new Button(label, e -> action.run());
        b.addThemeVariants(ButtonVariant.LARGE);
        b.setId(id);
        b.getElement().setAttribute("aria-pressed", String.valueOf(pressed));
        b.setAriaLabel(name + ": " + label);
        if (pressed) {
            b.addClassName("gn-pressed");
        }
        return b;
    }

    private String stateText(AttendeeRow row) {
        List<String> parts = new ArrayList<>();
        parts.add(row.invitation() == null ? getTranslation("scheduling.invitations.not-invited-yet")
                : getTranslation(row.invitation().messageKey()));
        if (row.checkedIn()) {
            parts.add(getTranslation("scheduling.checkin.checked-in-at", DateTimeFormatter.ofPattern("HH:mm",
                    Locale.ROOT).withZone(clock.getZone()).format(row.checkedInAt())));
        }
        if (row.late()) {
            parts.add(getTranslation("scheduling.checkin.late"));
        }
        if (row.leftEarly()) {
            parts.add(getTranslation("scheduling.checkin.left-early"));
        }
        if (row.tableNo() != null) {
            parts.add(getTranslation("scheduling.checkin.table", row.tableNo()));
        }
        return String.join(" · ", parts);
    }

    // --- live refresh and the optional camera ---------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(e -> {
            if (door != null) {
                refresh();
            }
        });
        // The camera button shows only where the browser can read QR codes itself (BarcodeDetector).
        getElement().executeJs("return ('BarcodeDetector' in window) && !!(navigator.mediaDevices"
                        + " && navigator.mediaDevices.getUserMedia)"
                        + " ? BarcodeDetector.getSupportedFormats().then(f => f.includes('qr_code')) : false")
                .then(Boolean.class, supported -> cameraScan.setVisible(Boolean.TRUE.equals(supported)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        super.onDetach(detachEvent);
    }

    /** Opens the camera in an overlay and reports the first QR code it reads, as if it had been typed. */
    private void startCamera() {
        getElement().executeJs("""
                const host = this;
                const returnTo = document.activeElement;
                const overlay = document.createElement('div');
                overlay.className = 'gn-camera';
                overlay.setAttribute('role', 'dialog');
                overlay.setAttribute('aria-label', $1);
                const video = document.createElement('video');
                video.muted = true;
                video.setAttribute('playsinline', '');
                const stop = document.createElement('button');
                stop.type = 'button';
                stop.textContent = $0;
                overlay.append(video, stop);
                document.body.append(overlay);
                let stream = null;
                let done = false;
                const close = () => {
                  done = true;
                  if (stream) { stream.getTracks().forEach(t => t.stop()); }
                  overlay.remove();
                  if (returnTo && returnTo.focus) { returnTo.focus(); }
                };
                stop.addEventListener('click', close);
                overlay.addEventListener('keydown', e => { if (e.key === 'Escape') { close(); } });
                stop.focus();
                (async () => {
                  try {
                    stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}});
                    video.srcObject = stream;
                    await video.play();
                    const detector = new BarcodeDetector({formats: ['qr_code']});
                    while (!done) {
                      const found = await detector.detect(video);
                      if (found.length > 0) {
                        close();
                        host.$server.scanned(found[0].rawValue);
                        return;
                      }
                      await new Promise(r => setTimeout(r, 250));
                    }
                  } catch (e) {
                    const cancelled = done;
                    close();
                    if (!cancelled) { host.$server.cameraUnavailable(); }
                  }
                })();
                """, getTranslation("scheduling.checkin.camera-stop"), getTranslation("scheduling.checkin.camera"));
    }

    @ClientCallable
    void scanned(String value) {
        submitCode(value);
    }

    @ClientCallable
    void cameraUnavailable() {
        showError(getTranslation("scheduling.checkin.camera-unavailable"));
        code.focus();
    }
}
