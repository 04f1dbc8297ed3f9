package org.gongnon.process.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.PageHeader;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessDetails;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.TeamMember;
import org.gongnon.security.Roles;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;

/** One process: its question and timeline, its team, and (for facilitators) its panel's personal access. */
@Route("processes")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class ProcessDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient ProcessService processes;
    private final transient PanelService panel;
    private final transient StaffAccountService staff;
    private final transient Clock clock;
    private ProcessDetails details;
    final Grid<PanelMemberSummary> panelGrid = new Grid<>();

    public ProcessDetailView(ProcessService processes, PanelService panel, StaffAccountService staff, Clock clock) {
        this.processes = processes;
        this.panel = panel;
        this.staff = staff;
        this.clock = clock;
        addClassName("gn-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long processId) {
        try {
            details = processes.getProcess(processId);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            event.forwardTo(HomeView.class);
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        LocalDate today = LocalDate.now(clock);
        PageHeader top = new PageHeader(details.form().title());
        // The programme (a later step, reached by its address) is open to officials too, so it is not edit-only.
        Button programme = new Button(getTranslation("scheduling.open-programme"), VaadinIcon.CALENDAR.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("processes/" + details.id() + "/programme")));
        programme.setId("open-programme");
        // Surveys, likewise a later step reached by its address, are open to officials too.
        Button surveys = new Button(getTranslation("survey.open-surveys"), VaadinIcon.CLIPBOARD_CHECK.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("processes/" + details.id() + "/surveys")));
        surveys.setId("open-surveys");
        // Recommendations, a later step reached by its address too; officials read them.
        Button recommendations = new Button(getTranslation("recommendation.open"), VaadinIcon.LIST_OL.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("processes/" + details.id() + "/recommendations")));
        recommendations.setId("open-recommendations");
        top.add(programme, surveys, recommendations);
        if (details.canEdit()) {
            Button edit = new Button(getTranslation("action.edit"), VaadinIcon.EDIT.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(ProcessEditorView.class,
                            new com.vaadin.flow.router.RouteParameters("id", String.valueOf(details.id())))));
            edit.setId("edit-process");
            // Recruitment is a later step: reached by its address, so this package needs no import of it.
            Button recruitment = new Button(getTranslation("process.recruitment"), VaadinIcon.USERS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("processes/" + details.id() + "/recruitment/draws")));
            recruitment.setId("open-recruitment");
            Button messages = new Button(getTranslation("outbox.title"), VaadinIcon.ENVELOPE.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(OutboxView.class,
                            new com.vaadin.flow.router.RouteParameters("processId", String.valueOf(details.id())))));
            messages.setId("open-outbox");
            top.add(recruitment, messages, edit);
        }
        add(top);
        Paragraph question = new Paragraph(details.form().publicQuestion());
        question.addClassName("gn-question");
        add(question);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        add(new Paragraph(getTranslation("process.organiser") + ": " + details.form().organiser() + " · "
                + getTranslation("process.status") + ": " + getTranslation(details.form().status().messageKey())
                + " · " + getTranslation("process.retention-date") + ": "
                + dates.format(details.form().retentionDate())));
        if (details.form().description() != null && !details.form().description().isBlank()) {
            Paragraph description = new Paragraph(details.form().description());
            description.addClassName("gn-description");
            add(description);
        }
        add(new H3(getTranslation("editor.timeline")));
        add(new Paragraph(TimelineBar.statusLine(this, details.timeline(), today)), new TimelineBar(details.timeline(), today));
        add(teamSection());
        if (details.canEdit()) {
            add(panelSection());
        }
    }

    private Div teamSection() {
        Div section = new Div(new H3(getTranslation("team.title")));
        if (details.team().isEmpty()) {
            section.add(new Paragraph(getTranslation("team.empty")));
        }
        for (TeamMember member : details.team()) {
            HorizontalLayout row = new HorizontalLayout(new Span(member.displayName() + " (" + member.username() + ")"),
                    new Span(getTranslation(member.role().messageKey())));
            row.setAlignItems(Alignment.BASELINE);
            if (details.canManageTeam()) {
                Button remove = new Button(getTranslation("team.remove"), e -> Confirm.destructive(this,
                        "team.remove-confirm.title", getTranslation("team.remove-confirm.text", member.displayName()),
                        "team.remove", () -> {
                            processes.removeFromProcess(details.id(), member.accountId());
                            reload();
                        }));
                remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
                row.add(remove);
            }
            section.add(row);
        }
        if (details.canManageTeam()) {
            Select<StaffAccountSummary> account = new Select<>();
            account.setLabel(getTranslation("team.account"));
            account.setItems(staff.listAssignableStaff());
            account.setItemLabelGenerator(a -> a.displayName() + " (" + getTranslation(a.role().messageKey()) + ")");
            Button assign = new Button(getTranslation("team.assign"), e -> {
                if (account.getValue() == null) {
                    account.setInvalid(true);
                    account.setErrorMessage(getTranslation("validation.required"));
                    return;
                }
                try {
                    StaffAccountSummary a = account.getValue();
                    processes.assignToProcess(details.id(), a.id(), ProcessRole.valueOf(a.role().name()));
                    reload();
                } catch (UserFacingException ex) {
                    Notifications.error(Messages.of(this, ex));
                }
            });
            HorizontalLayout add = new HorizontalLayout(account, assign);
            add.setAlignItems(Alignment.BASELINE);
            section.add(add);
        }
        return section;
    }

    private Div panelSection() {
        Div section = new Div(new H3(getTranslation("panel.title")));
        section.add(new Paragraph(getTranslation("panel.intro")));
        TextField name = new TextField();
        name.setAriaLabel(getTranslation("panel.new-member"));
        name.setPlaceholder(getTranslation("panel.new-member"));
        name.setMaxLength(100);
        FieldErrors errors = new FieldErrors().bind("displayName", name);
        Button add = new Button(getTranslation("panel.add"), VaadinIcon.PLUS.create(), e -> {
            try {
                panel.addPanelMember(details.id(), name.getValue());
                name.clear();
                errors.clear();
                refreshPanel();
            } catch (ValidationException ex) {
                errors.show(this, ex);
            }
        });
        HorizontalLayout addRow = new HorizontalLayout(name, add);
        addRow.setAlignItems(Alignment.BASELINE);
        panelGrid.removeAllColumns();
        panelGrid.addColumn(PanelMemberSummary::displayName).setHeader(getTranslation("panel.name"));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(clock.getZone());
        panelGrid.addColumn(m -> m.hasAccess() ? getTranslation("panel.access-since", when.format(m.accessIssuedAt()))
                : getTranslation("panel.no-access")).setHeader(getTranslation("panel.access"));
        panelGrid.addComponentColumn(this::panelActions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true);
        panelGrid.setAllRowsVisible(true);
        panelGrid.setEmptyStateText(getTranslation("panel.empty"));
        panelGrid.setAriaLabel(getTranslation("panel.title"));
        section.add(addRow, panelGrid);
        refreshPanel();
        return section;
    }

    private HorizontalLayout panelActions(PanelMemberSummary member) {
        Button issue = new Button(getTranslation(member.hasAccess() ? "panel.reissue" : "panel.issue"), e -> {
            if (member.hasAccess()) {
                Confirm.destructive(this, "panel.reissue-confirm.title",
                        getTranslation("panel.reissue-confirm.text", member.displayName()), "panel.reissue",
                        () -> showIssued(panel.issueAccess(member.id())));
            } else {
                showIssued(panel.issueAccess(member.id()));
            }
        });
        issue.addThemeVariants(ButtonVariant.SMALL);
        HorizontalLayout actions = new HorizontalLayout(issue);
        if (member.hasAccess()) {
            Button revoke = new Button(getTranslation("panel.revoke"), e -> Confirm.destructive(this,
                    "panel.revoke-confirm.title", getTranslation("panel.revoke-confirm.text", member.displayName()),
                    "panel.revoke", () -> {
                        panel.revokeAccess(member.id());
                        refreshPanel();
                    }));
            revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            actions.add(revoke);
        }
        return actions;
    }

    private void showIssued(IssuedAccess access) {
        refreshPanel();
        Dialog dialog = new Dialog(getTranslation("panel.issued.title", access.displayName()));
        TextField link = new TextField(getTranslation("panel.issued.link"));
        link.setValue(access.link());
        link.setReadOnly(true);
        link.setWidthFull();
        link.setId("issued-link");
        TextField code = new TextField(getTranslation("panel.issued.code"));
        code.setValue(access.code());
        code.setReadOnly(true);
        code.setId("issued-code");
        Paragraph once = new Paragraph(getTranslation("panel.issued.once"));
        once.addClassName("gn-muted");
        dialog.add(new VerticalLayout(link, code, once));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void refreshPanel() {
        panelGrid.setItems(panel.listPanel(details.id()));
    }

    private void reload() {
        details = processes.getProcess(details.id());
        render();
    }

    @Override
    public String getPageTitle() {
        return (details == null ? "" : details.form().title() + " · ") + getTranslation("app.name");
    }
}
