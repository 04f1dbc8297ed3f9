package org.gongnon.survey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.PageHeader;
import org.gongnon.security.Roles;
import org.gongnon.survey.RetentionService;
import org.gongnon.survey.RetentionStatus;

/**
 * Admins see when each process's contact data goes (its retention date) and can apply the retention at once
 * rather than waiting for the nightly run, after a confirmation: what goes cannot be brought back.
 */
@Route("admin/retention")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.retention", order = 92, icon = "TRASH")
public class RetentionView extends VerticalLayout implements HasDynamicTitle {

    private final transient RetentionService retention;
    final Grid<RetentionStatus> grid = new Grid<>();
    final Button apply = new Button();
    final Paragraph empty = new Paragraph();
    private List<RetentionStatus> rows = List.of();

    public RetentionView(RetentionService retention, Clock clock) {
        this.retention = retention;
        addClassName("gn-page");
        apply.setText(getTranslation("retention.apply"));
        apply.setIcon(VaadinIcon.TRASH.create());
        apply.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        apply.setId("retention-apply");
        apply.addClickListener(e -> confirmApply());

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(clock.getZone());
        grid.addColumn(RetentionStatus::title).setHeader(getTranslation("retention.process")).setFlexGrow(1);
        grid.addColumn(r -> date.format(r.retentionDate())).setHeader(getTranslation("retention.date"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> state(r, when)).setHeader(getTranslation("retention.state")).setAutoWidth(true);
        grid.setAriaLabel(getTranslation("retention.title"));
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("retention.empty"));
        empty.addClassName("gn-empty");

        add(new PageHeader(getTranslation("retention.title"), apply),
                new Paragraph(getTranslation("retention.intro")), empty, grid);
        refresh();
    }

    /** The state as a badge: due (red), deleted (with when), or kept. */
    static Span state(RetentionStatus r, DateTimeFormatter when) {
        Span badge = new Span();
        badge.getElement().getThemeList().add("badge");
        if (r.deletedAt() != null) {
            badge.setText(badge.getTranslation("retention.state.deleted", when.format(r.deletedAt())));
            badge.getElement().getThemeList().add("contrast");
        } else if (r.due()) {
            badge.setText(badge.getTranslation("retention.state.due"));
            badge.getElement().getThemeList().add("error");
        } else {
            badge.setText(badge.getTranslation("retention.state.kept"));
            badge.getElement().getThemeList().add("success");
        }
        return badge;
    }

    private void refresh() {
        rows = retention.overview();
        grid.setItems(rows);
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
        apply.setEnabled(rows.stream().anyMatch(RetentionStatus::due));
    }

    private void confirmApply() {
        long due = rows.stream().filter(RetentionStatus::due).count();
        Confirm.destructive(this, "retention.confirm.title", getTranslation("retention.confirm.text", due),
                "retention.confirm.apply", this::applyNow).setId("retention-confirm");
    }

    private void applyNow() {
        try {
            List<Long> done = retention.applyDueRetention();
            Notifications.success(getTranslation("retention.done", done.size()));
        } finally {
            // Each process is done in a transaction of its own: show what happened, also after a failure.
            refresh();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("retention.title") + " · " + getTranslation("app.name");
    }
}
