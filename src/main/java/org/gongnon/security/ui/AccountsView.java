package org.gongnon.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.gongnon.base.ValidationException;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.PageHeader;
import org.gongnon.security.NewStaffAccount;
import org.gongnon.security.Roles;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;
import org.gongnon.security.StaffRole;

/** Admins manage staff accounts: create, disable and re-enable, reset passwords. */
@Route("admin/accounts")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.accounts", order = 90, icon = "USERS")
public class AccountsView extends VerticalLayout implements HasDynamicTitle {

    private final transient StaffAccountService accounts;
    final Grid<StaffAccountSummary> grid = new Grid<>();
    final Button create = new Button();

    public AccountsView(StaffAccountService accounts) {
        this.accounts = accounts;
        addClassName("gn-page");
        create.setText(getTranslation("accounts.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        PageHeader top = new PageHeader(getTranslation("accounts.title"), create);

        grid.addColumn(StaffAccountSummary::username).setHeader(getTranslation("accounts.username")).setAutoWidth(true);
        grid.addColumn(StaffAccountSummary::displayName).setHeader(getTranslation("accounts.display-name"));
        grid.addColumn(a -> getTranslation(a.role().messageKey())).setHeader(getTranslation("accounts.role"));
        grid.addColumn(a -> getTranslation(a.enabled() ? "accounts.enabled" : "accounts.disabled"))
                .setHeader(getTranslation("accounts.state"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("accounts.actions")).setAutoWidth(true);
        grid.setAriaLabel(getTranslation("accounts.title"));
        add(top, grid);
        refresh();
    }

    private HorizontalLayout actions(StaffAccountSummary account) {
        Button toggle = new Button(getTranslation(account.enabled() ? "accounts.disable" : "accounts.enable"));
        toggle.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        toggle.addClickListener(e -> {
            if (account.enabled()) {
                Confirm.destructive(this, "accounts.disable-confirm.title",
                        getTranslation("accounts.disable-confirm.text", account.username()), "accounts.disable",
                        () -> setEnabled(account, false));
            } else {
                setEnabled(account, true);
            }
        });
        Button reset = new Button(getTranslation("accounts.reset-password"));
        reset.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        reset.addClickListener(e -> openResetDialog(account));
        return new HorizontalLayout(toggle, reset);
    }

    private void setEnabled(StaffAccountSummary account, boolean enabled) {
        try {
            accounts.setEnabled(account.id(), enabled);
            refresh();
        } catch (UserFacingException ex) {
            Notifications.error(Messages.of(this, ex));
        }
    }

    void refresh() {
        grid.setItems(accounts.listAccounts());
    }

    void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("accounts.create"));
        TextField username = new TextField(getTranslation("accounts.username"));
        username.setHelperText(getTranslation("accounts.username-help"));
        username.setRequiredIndicatorVisible(true);
        TextField displayName = new TextField(getTranslation("accounts.display-name"));
        displayName.setRequiredIndicatorVisible(true);
        Select<StaffRole> role = new Select<>();
        role.setLabel(getTranslation("accounts.role"));
        role.setItems(StaffRole.values());
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        role.setValue(StaffRole.FACILITATOR);
        PasswordField password = new PasswordField(getTranslation("accounts.initial-password"));
        password.setRequiredIndicatorVisible(true);
        FieldErrors errors = new FieldErrors().bind("username", username).bind("displayName", displayName)
                .bind("role", role).bind("password", password);
        dialog.add(new FormLayout(username, displayName, role, password));
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.createAccount(new NewStaffAccount(username.getValue(), displayName.getValue(),
                        role.getValue(), password.getValue()));
                dialog.close();
                refresh();
                Notifications.success(getTranslation("accounts.created", username.getValue().strip().toLowerCase()));
            } catch (ValidationException ex) {
                String rest = errors.show(this, ex);
                if (!rest.isEmpty()) {
                    Notifications.error(rest);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        username.focus();
    }

    private void openResetDialog(StaffAccountSummary account) {
        Dialog dialog = new Dialog(getTranslation("accounts.reset-password"));
        PasswordField password = new PasswordField(getTranslation("accounts.new-password"));
        FieldErrors errors = new FieldErrors().bind("password", password);
        dialog.add(new Span(account.username()), password);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.resetPassword(account.id(), password.getValue());
                dialog.close();
                Notifications.success(getTranslation("accounts.password-reset", account.username()));
            } catch (ValidationException ex) {
                errors.show(this, ex);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title") + " · " + getTranslation("app.name");
    }
}
