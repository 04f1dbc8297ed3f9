package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gongnon.scheduling.SessionSummary;

/**
 * A month of the programme as a calendar: seven columns from Sunday, today marked, each session a link
 * (time and title) to its page. Built from plain elements, so it needs no add-on: the month changes with
 * two buttons, every session is a real link whose accessible name carries the full date, and each day's
 * sessions are a list named by that date. On phones the days become one column showing only busy days.
 */
public class ProgrammeCalendar extends Div {

    private final List<SessionSummary> sessions;
    private final LocalDate today;
    private final Function<SessionSummary, RouterLink> linkTo;
    private final H3 title = new H3();
    private final Span monthSummary = new Span();
    private final Div days = new Div();
    private final Map<LocalDate, Div> cells = new LinkedHashMap<>();
    final Button previous = new Button();
    final Button next = new Button();
    private YearMonth month;

    /**
     * @param linkTo makes the link to a session's page (its text and accessible name are set here)
     */
    public ProgrammeCalendar(List<SessionSummary> sessions, LocalDate today, Function<SessionSummary, RouterLink> linkTo) {
        this.sessions = sessions.stream().sorted(Comparator.comparing(SessionSummary::date)
                .thenComparing(SessionSummary::start)).toList();
        this.today = today;
        this.linkTo = linkTo;
        addClassName("gn-cal");

        previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
        previous.setAriaLabel(getTranslation("scheduling.calendar.previous"));
        previous.setTooltipText(getTranslation("scheduling.calendar.previous"));
        previous.addThemeVariants(ButtonVariant.TERTIARY);
        previous.addClickListener(e -> show(month.minusMonths(1)));
        previous.setId("calendar-previous");
        next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        next.setAriaLabel(getTranslation("scheduling.calendar.next"));
        next.setTooltipText(getTranslation("scheduling.calendar.next"));
        next.addThemeVariants(ButtonVariant.TERTIARY);
        next.addClickListener(e -> show(month.plusMonths(1)));
        next.setId("calendar-next");
        Button current = new Button(getTranslation("scheduling.calendar.this-month"), e -> show(YearMonth.from(today)));
        current.addThemeVariants(ButtonVariant.TERTIARY);
        current.setId("calendar-this-month");
        // Announced when the month changes, so a screen reader user hears where the buttons took them.
        Div heading = new Div(title, monthSummary);
        heading.addClassName("gn-cal-heading");
        heading.getElement().setAttribute("aria-live", "polite");
        monthSummary.addClassName("gn-muted");
        Div bar = new Div(previous, heading, next, current);
        bar.addClassName("gn-cal-bar");

        Div weekdays = new Div();
        weekdays.addClassName("gn-cal-weekdays");
        weekdays.getElement().setAttribute("aria-hidden", "true"); // each day's own label names its weekday
        String[] names = getTranslation("datepicker.weekdays-short").split(",");
        for (int i = 0; i < 7; i++) {
            Span name = new Span(names[i]);
            if (i == 0) {
                name.addClassName("gn-cal-sunday");
            }
            weekdays.add(name);
        }
        days.addClassName("gn-cal-days");
        add(bar, weekdays, days);
        show(initialMonth(this.sessions, today));
    }

    /** The month of the next session from today on, or today's month when none is ahead. */
    static YearMonth initialMonth(List<SessionSummary> sessions, LocalDate today) {
        return sessions.stream().map(SessionSummary::date).filter(d -> !d.isBefore(today)).min(Comparator.naturalOrder())
                .map(YearMonth::from).orElse(YearMonth.from(today));
    }

    public YearMonth month() {
        return month;
    }

    /** The cell of a day of the month shown, if it is in that month. */
    Optional<Div> dayCell(LocalDate date) {
        return Optional.ofNullable(cells.get(date));
    }

    public void show(YearMonth shown) {
        month = shown;
        cells.clear();
        days.removeAll();
        title.setText(DateTimeFormatter.ofPattern(getTranslation("scheduling.format.month"), getLocale()).format(shown));
        List<SessionSummary> inMonth = sessions.stream().filter(s -> YearMonth.from(s.date()).equals(shown)).toList();
        monthSummary.setText(getTranslation("scheduling.calendar.month-count", inMonth.size()));
        // Sunday first, as Korean calendars are laid out: Sunday is 7 in java.time, column 0 here.
        int leading = shown.atDay(1).getDayOfWeek().getValue() % 7;
        for (int i = 0; i < leading; i++) {
            days.add(blank());
        }
        for (int day = 1; day <= shown.lengthOfMonth(); day++) {
            LocalDate date = shown.atDay(day);
            Div cell = dayCell(date, inMonth.stream().filter(s -> s.date().equals(date)).toList());
            cells.put(date, cell);
            days.add(cell);
        }
        int trailing = (7 - (leading + shown.lengthOfMonth()) % 7) % 7;
        for (int i = 0; i < trailing; i++) {
            days.add(blank());
        }
    }

    private Div dayCell(LocalDate date, List<SessionSummary> ofDay) {
        Div cell = new Div();
        cell.addClassName("gn-cal-day");
        cell.getElement().setAttribute("data-date", date.toString());
        String fullDate = ScheduleTexts.fullDate(getLocale(), date);
        Span number = new Span(String.valueOf(date.getDayOfMonth()));
        number.addClassName("gn-cal-number");
        // Shown only in the one-column phone layout, where there are no weekday columns.
        Span weekday = new Span(ScheduleTexts.date(this, getLocale(), date));
        weekday.addClassName("gn-cal-longdate");
        Div head = new Div(number, weekday);
        head.addClassName("gn-cal-day-head");
        head.getElement().setAttribute("aria-hidden", "true");
        cell.add(head);
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            cell.addClassName("gn-cal-sunday");
        }
        if (date.equals(today)) {
            cell.addClassName("gn-cal-today");
            cell.getElement().setAttribute("aria-current", "date");
            Span todayText = new Span(getTranslation("scheduling.calendar.today", fullDate));
            todayText.addClassName("gn-visually-hidden");
            cell.add(todayText);
        }
        if (!ofDay.isEmpty()) {
            cell.addClassName("gn-cal-busy");
            UnorderedList list = new UnorderedList();
            list.addClassName("gn-cal-sessions");
            list.getElement().setAttribute("aria-label", fullDate);
            for (SessionSummary s : ofDay) {
                RouterLink link = linkTo.apply(s);
                link.setText(ScheduleTexts.time(s.start()) + " " + s.title());
                link.getElement().setAttribute("aria-label", getTranslation("scheduling.calendar.session-label",
                        fullDate, ScheduleTexts.times(s.start(), s.end()), s.title()));
                link.getElement().setAttribute("title", ScheduleTexts.times(s.start(), s.end()) + " " + s.title());
                link.addClassName("gn-cal-session");
                if (s.isPast(today)) {
                    link.addClassName("gn-cal-past");
                }
                list.add(new ListItem(link));
            }
            cell.add(list);
        }
        return cell;
    }

    private static Div blank() {
        Div blank = new Div();
        blank.addClassName("gn-cal-blank");
        blank.getElement().setAttribute("aria-hidden", "true");
        return blank;
    }
}
