package org.gongnon.process.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.ContactsToggle;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.PageHeader;
import org.gongnon.process.MessageChannel;
import org.gongnon.process.MessageStatus;
import org.gongnon.process.OutboxDispatcher;
import org.gongnon.process.OutboxMessageRow;
import org.gongnon.process.OutboxOverview;
import org.gongnon.process.OutboxService;
import org.gongnon.security.Roles;

/**
 * A process's outbox: every message queued for its panel (invitations, reminders) with its status, a clear
 * notice when e-mail or SMS cannot be sent on this server (the messages are kept here, not sent), and a
 * retry for the ones that failed or were not sent.
 */
@Route("processes/:processId/messages")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class OutboxView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Long bodies are shortened in the list to their first line, up to this many characters. */
    private static final int PREVIEW = 60;

    private final transient OutboxService outbox;
    private final transient Clock clock;
    long processId;
    OutboxOverview overview;
    final Select<MessageStatus> statusFilter = new Select<>();
    final Grid<OutboxMessageRow> grid = new Grid<>();
    private final VerticalLayout summary = new VerticalLayout();
    /** Recipients are masked until a facilitator asks to see them (and that is logged). */
    final ContactsToggle contacts;

    public OutboxView(OutboxService outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        addClassName("gn-page");
        statusFilter.addValueChangeListener(e -> refreshGrid());
        contacts = new ContactsToggle(() -> outbox.contactsShown(processId, grid.getListDataView().getItemCount()),
                () -> grid.getDataProvider().refreshAll());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("processId");
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        processId = id.get();
        try {
            render();
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            event.forwardTo("");
        }
    }

    void render() {
        removeAll();
        overview = outbox.overview(processId);
        RouterLink back = new RouterLink(getTranslation("outbox.back"), ProcessDetailView.class, processId);
        add(new PageHeader(getTranslation("outbox.title"), back));
        add(new Paragraph(getTranslation("outbox.intro")));
        add(summary);
        showSummary();
        if (overview.total() == 0) {
            Paragraph empty = new Paragraph(getTranslation("outbox.empty"));
            empty.addClassName("gn-empty");
            empty.setId("outbox-empty");
            add(empty);
            return;
        }
        add(filter(), contacts, table());
        refreshGrid();
    }

    /** The notice and the counts, which change as messages are retried. */
    private void showSummary() {
        summary.removeAll();
        summary.setPadding(false);
        notConfigured().ifPresent(summary::add);
        summary.add(counts());
    }

    /** Said plainly, near the top: on this server these messages wait here instead of going out. */
    private Optional<Component> notConfigured() {
        String key;
        if (!overview.emailConfigured() && !overview.smsConfigured()) {
            key = "outbox.banner.none";
        } else if (!overview.emailConfigured()) {
            key = "outbox.banner.email";
        } else if (!overview.smsConfigured()) {
            key = "outbox.banner.sms";
        } else {
            return Optional.empty();
        }
        Paragraph text = new Paragraph(getTranslation(key));
        text.addClassName("gn-warning");
        Paragraph hint = new Paragraph(getTranslation("outbox.banner.hint"));
        hint.addClassName("gn-hint");
        Div banner = new Div(text, hint);
        banner.setId("outbox-not-configured");
        banner.addClassName("gn-card");
        banner.getElement().setAttribute("role", "note");
        banner.getStyle().set("border-left", "4px solid var(--lumo-warning-color, var(--lumo-error-color))");
        return Optional.of(banner);
    }

    private Component counts() {
        Div cards = new Div();
        cards.addClassName("gn-count-cards");
        cards.setId("outbox-counts");
        for (MessageStatus status : MessageStatus.values()) {
            Span number = new Span(String.valueOf(overview.count(status)));
            number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
            Div card = new Div(new Div(new Span(getTranslation(status.messageKey()))), number);
            card.addClassName("gn-card");
            card.setId("outbox-count-" + status.name().toLowerCase());
            cards.add(card);
        }
        return cards;
    }

    private Component filter() {
        statusFilter.setLabel(getTranslation("outbox.filter"));
        statusFilter.setItems(MessageStatus.values());
        statusFilter.setItemLabelGenerator(s -> s == null ? getTranslation("outbox.filter.all")
                : getTranslation(s.messageKey()));
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("outbox.filter.all"));
        return statusFilter;
    }

    private Component table() {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(clock.getZone());
        grid.removeAllColumns();
        grid.addColumn(m -> when.format(m.createdAt())).setHeader(getTranslation("outbox.created"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> getTranslation(m.channel().messageKey())).setHeader(getTranslation("outbox.channel"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> recipient(m)).setHeader(getTranslation("outbox.recipient")).setAutoWidth(true);
        grid.addColumn(OutboxView::headline).setHeader(getTranslation("outbox.message")).setFlexGrow(1);
        grid.addColumn(m -> purpose(m.purpose())).setHeader(getTranslation("outbox.purpose")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.status().messageKey())).setHeader(getTranslation("outbox.status"))
                .setAutoWidth(true);
        grid.addColumn(this::error).setHeader(getTranslation("outbox.error")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("outbox.actions")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("outbox.filter.none"));
        grid.setAriaLabel(getTranslation("outbox.title"));
        grid.setAllRowsVisible(false);
        grid.setHeight("32em");
        return grid;
    }

    private void refreshGrid() {
        List<OutboxMessageRow> rows = outbox.list(processId, statusFilter.getValue());
        grid.setItems(rows);
    }

    /** The recipient as the list shows it now: masked unless the contacts were shown. */
    private String recipient(OutboxMessageRow m) {
        return m.channel() == MessageChannel.EMAIL ? contacts.email(m.recipient()) : contacts.phone(m.recipient());
    }

    /** The subject of an e-mail; for SMS (no subject) the first line of the text. */
    static String headline(OutboxMessageRow m) {
        String text = m.subject() != null && !m.subject().isBlank() ? m.subject() : m.body().strip();
        int lineEnd = text.indexOf('\n');
        if (lineEnd >= 0) {
            text = text.substring(0, lineEnd).strip();
        }
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
    }

    /** Known purposes in the user's language; others as the feature that queued them named them. */
    private String purpose(String purpose) {
        String key = "outbox.purpose." + purpose;
        String text = getTranslation(key);
        return text.startsWith("!") ? purpose : text;
    }

    private String error(OutboxMessageRow m) {
        if (m.lastError() == null) {
            return "";
        }
        return switch (m.lastError()) {
            case OutboxDispatcher.NO_SMS_GATEWAY -> getTranslation("outbox.reason.no-sms-gateway");
            case OutboxDispatcher.NO_MAIL_SERVER -> getTranslation("outbox.reason.no-mail-server");
            default -> m.lastError();
        };
    }

    private Component actions(OutboxMessageRow m) {
        if (m.status() != MessageStatus.FAILED && m.status() != MessageStatus.NOT_SENT) {
            return new Span();
        }
        Button retry = new Button(getTranslation("outbox.retry"), VaadinIcon.REFRESH.create(), e -> retry(m));
        retry.addThemeVariants(ButtonVariant.SMALL);
        retry.setId("retry-" + m.id());
        retry.setAriaLabel(getTranslation("outbox.retry-for", recipient(m)));
        return retry;
    }

    void retry(OutboxMessageRow m) {
        try {
            outbox.retry(m.id());
            Notifications.success(getTranslation(m.channel() == MessageChannel.SMS && !overview.smsConfigured()
                    || m.channel() == MessageChannel.EMAIL && !overview.emailConfigured()
                    ? "outbox.retried-kept" : "outbox.retried"));
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
        overview = outbox.overview(processId);
        showSummary();
        refreshGrid();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.name");
    }
}
