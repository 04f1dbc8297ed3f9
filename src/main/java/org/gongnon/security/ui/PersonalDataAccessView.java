package org.gongnon.security.ui;

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
import org.gongnon.base.ui.PageHeader;
import org.gongnon.security.ChainVerification;
import org.gongnon.security.PersonalDataAccess;
import org.gongnon.security.PersonalDataAccessService;
import org.gongnon.security.Roles;

/** Admins read who viewed, exported or used whose personal data, and check that nobody has altered the log. */
@Route("admin/personal-data-access")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.personal-data-access", order = 91, icon = "EYE")
public class PersonalDataAccessView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 500;

    private final transient PersonalDataAccessService log;
    final Grid<PersonalDataAccess> grid = new Grid<>();
    final Button verify = new Button();
    final Span verdict = new Span();

    public PersonalDataAccessView(PersonalDataAccessService log, Clock clock) {
        this.log = log;
        addClassName("gn-page");
        verify.setText(getTranslation("access-log.verify"));
        verify.setIcon(VaadinIcon.CHECK_CIRCLE.create());
        verify.addThemeVariants(ButtonVariant.PRIMARY);
        verify.addClickListener(e -> verify());
        PageHeader top = new PageHeader(getTranslation("access-log.title"), verify);

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(clock.getZone());
        grid.addColumn(PersonalDataAccess::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> when.format(r.at())).setHeader(getTranslation("access-log.at")).setAutoWidth(true);
        grid.addColumn(PersonalDataAccess::accountName).setHeader(getTranslation("access-log.who")).setAutoWidth(true);
        grid.addColumn(r -> r.processId() == null ? "" : String.valueOf(r.processId()))
                .setHeader(getTranslation("access-log.process")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("access-log.action." + r.action().name().toLowerCase()))
                .setHeader(getTranslation("access-log.action")).setAutoWidth(true);
        grid.addColumn(PersonalDataAccess::subject).setHeader(getTranslation("access-log.subject"));
        grid.addColumn(PersonalDataAccess::people).setHeader(getTranslation("access-log.people")).setAutoWidth(true);
        grid.setAriaLabel(getTranslation("access-log.title"));
        add(top, new Paragraph(getTranslation("access-log.intro", SHOWN)), verdict, grid);
        grid.setItems(log.latest(null, SHOWN));
    }

    private void verify() {
        ChainVerification result = log.verify();
        verdict.setText(result.intact()
                ? getTranslation("access-log.intact", result.rowsChecked())
                : getTranslation("access-log.broken", result.firstBrokenSeq(), result.reason()));
        verdict.getElement().getThemeList().set("badge", true);
        verdict.getElement().getThemeList().set("success", result.intact());
        verdict.getElement().getThemeList().set("error", !result.intact());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("access-log.title");
    }
}
