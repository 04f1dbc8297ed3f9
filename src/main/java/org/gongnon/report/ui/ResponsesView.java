package org.gongnon.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.LocalizedDatePicker;
import org.gongnon.base.ui.MainLayout;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.ShareText;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ItemResponse;
import org.gongnon.report.ReportService;
import org.gongnon.report.ReportSummary;
import org.gongnon.report.ResponseForm;
import org.gongnon.report.ResponseStatus;
import org.gongnon.security.Roles;

/**
 * The city's response to each recommendation of a published report. Officials of the process record it (status,
 * explanation, date); everyone on the process's team sees it, with what is overdue marked.
 */
@Route(value = "reports/:reportId/responses", layout = MainLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class ResponsesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Times as the deliberation's zone has them (the application clock's zone, Seoul by default). */
    private final transient DateTimeFormatter timeFormat;

    private final transient ReportService reports;
    private final transient GovernmentResponseService responses;
    private long reportId;

    public ResponsesView(ReportService reports, GovernmentResponseService responses, java.time.Clock clock) {
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        this.reports = reports;
        this.responses = responses;
        addClassName("gn-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().getLong("reportId");
        if (id.isEmpty()) {
            event.forwardTo("reports");
            return;
        }
        reportId = id.get();
        ReportSummary report;
        List<ItemResponse> items;
        try {
            report = reports.report(reportId);
            items = responses.responses(reportId);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            event.forwardTo("reports");
            return;
        }
        boolean canRespond = responses.canRespond(report.processId());
        Anchor back = new Anchor("reports", getTranslation("report.responses.back"));
        back.setId("responses-back");
        add(back, new H1(getTranslation("report.responses.title", report.number())));
        Paragraph intro = new Paragraph(getTranslation(canRespond ? "report.responses.intro"
                : "report.responses.intro-reader", report.responsesDue().toString()));
        intro.addClassName("gn-muted");
        add(intro);
        items.forEach(item -> add(card(item, canRespond)));
    }

    private Component card(ItemResponse item, boolean canRespond) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-response-card");
        card.getElement().setAttribute("data-item", String.valueOf(item.itemNumber()));
        card.add(new H2(item.itemNumber() + ". " + item.title()));
        String outcome = item.outcome() == null ? getTranslation("report.doc.rec.status.none")
                : getTranslation("report.doc.rec.status." + item.outcome().name().toLowerCase().replace('_', '-'));
        Paragraph panel = new Paragraph(Double.isNaN(item.support()) ? getTranslation("report.responses.outcome", outcome)
                : getTranslation("report.responses.outcome-support", outcome, ShareText.percent(getLocale(), item.support())));
        panel.addClassName("gn-muted");
        card.add(new Paragraph(item.text()), panel);
        card.add(current(item));
        if (canRespond) {
            card.add(form(item));
        }
        return card;
    }

    static Component current(ItemResponse item, com.vaadin.flow.component.Component where) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.addClassName("gn-response");
        if (item.response() == null) {
            box.add(new Paragraph(where.getTranslation("report.responses.pending", String.valueOf(item.due()))));
        } else {
            ItemResponse.Response r = item.response();
            Span status = new Span(where.getTranslation(r.status().messageKey()));
            status.addClassNames("gn-badge", "gn-status-badge",
                    "gn-response-" + r.status().name().toLowerCase().replace('_', '-'));
            box.add(status, new Paragraph(r.explanation()),
                    new Paragraph(where.getTranslation(r.status().isFinal() ? "report.responses.carry-out-by"
                            : "report.responses.answer-by", r.dueDate().toString())));
        }
        if (item.overdue()) {
            Span overdue = new Span(where.getTranslation("report.responses.overdue"));
            overdue.addClassNames("gn-badge", "gn-overdue");
            box.add(overdue);
        }
        return box;
    }

    private Component current(ItemResponse item) {
        Component box = current(item, this);
        if (item.response() != null) {
            ItemResponse.Response r = item.response();
            Paragraph who = new Paragraph(getTranslation("report.responses.recorded", r.recordedBy(),
                    timeFormat.format(r.recordedAt()), r.revision()));
            who.addClassName("gn-muted");
            ((VerticalLayout) box).add(who);
            if (r.revision() > 1) {
                Button history = new Button(getTranslation("report.responses.history"), click -> history(item));
                history.addThemeVariants(ButtonVariant.TERTIARY);
                ((VerticalLayout) box).add(history);
            }
        }
        return box;
    }

    private void history(ItemResponse item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("report.responses.history-title", item.itemNumber()));
        for (ItemResponse.Response r : responses.history(reportId, item.itemNumber())) {
            dialog.add(new Paragraph(getTranslation("report.responses.history-line", r.revision(),
                    getTranslation(r.status().messageKey()), r.dueDate().toString(), r.recordedBy(),
                    timeFormat.format(r.recordedAt()), r.explanation())));
        }
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private Component form(ItemResponse item) {
        Select<ResponseStatus> status = new Select<>();
        status.setLabel(getTranslation("report.response.status"));
        status.setItems(ResponseStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setId("response-status-" + item.itemNumber());
        TextArea explanation = new TextArea(getTranslation("report.response.explanation"));
        explanation.setMaxLength(4000);
        explanation.setWidthFull();
        explanation.setId("response-explanation-" + item.itemNumber());
        LocalizedDatePicker due = new LocalizedDatePicker();
        due.setLabel(getTranslation("report.response.due"));
        due.setId("response-due-" + item.itemNumber());
        due.setHelperText(getTranslation("report.response.due-help"));
        if (item.response() != null) {
            status.setValue(item.response().status());
            explanation.setValue(item.response().explanation());
            due.setValue(item.response().dueDate());
        } else {
            due.setValue(item.due());
        }
        FieldErrors errors = new FieldErrors().bind("status", status).bind("explanation", explanation)
                .bind("dueDate", due);
        Button save = new Button(getTranslation("report.response.save"), click -> {
            errors.clear();
            try {
                responses.record(new ResponseForm(reportId, item.itemNumber(), status.getValue(),
                        explanation.getValue(), due.getValue()));
                Notifications.success(getTranslation("report.response.saved", item.itemNumber()));
                getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
            } catch (ValidationException e) {
                errors.show(this, e);
            } catch (UserFacingException e) {
                Notifications.error(Messages.of(this, e));
            }
        });
        save.setId("response-save-" + item.itemNumber());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout row = new HorizontalLayout(status, due);
        VerticalLayout form = new VerticalLayout(row, explanation, save);
        form.setPadding(false);
        form.addClassName("gn-response-form");
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.responses.page") + " · " + getTranslation("app.name");
    }
}
