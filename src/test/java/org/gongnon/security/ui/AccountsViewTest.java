package org.gongnon.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.stream.IntStream;
import org.gongnon.security.ui.AccountsView;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WithUserDetails("admin")
class AccountsViewTest extends ViewTestBase {

    @Test
    void adminsSeeAllStaffAccounts() {
        AccountsView view = navigate(AccountsView.class);
        List<String> usernames = usernames(view);
        assertTrue(usernames.containsAll(List.of("admin", "facilitator", "official")), usernames.toString());
    }

    @Test
    void anAdminCreatesAnAccountAndBadInputIsMarkedOnTheFields() {
        AccountsView view = navigate(AccountsView.class);
        test(view.create).click();
        Dialog dialog = find(Dialog.class).single();
        TextField username = find(TextField.class, dialog).withCaption(ko("accounts.username")).single();
        TextField name = find(TextField.class, dialog).withCaption(ko("accounts.display-name")).single();
        PasswordField password = find(PasswordField.class, dialog).single();
        Button save = find(Button.class, dialog).withText(ko("action.save")).single();

        test(username).setValue("Bad Name");
        test(password).setValue("short");
        test(save).click();
        assertTrue(dialog.isOpened(), "nothing saved, the dialog stays");
        assertEquals(ko("account.validation.username-format"), username.getErrorMessage());
        assertEquals(ko("validation.required"), name.getErrorMessage());
        assertEquals(ko("account.validation.password-short", 10), password.getErrorMessage());

        String good = TestNames.username("v");
        test(username).setValue(good);
        test(name).setValue("뷰 테스트");
        test(password).setValue("a-good-long-password");
        test(save).click();
        assertTrue(usernames(view).contains(good));
    }

    @Test
    void disablingAnAccountAsksFirst() {
        AccountsView view = navigate(AccountsView.class);
        test(view.create).click();
        Dialog dialog = find(Dialog.class).single();
        String name = TestNames.username("d");
        test(find(TextField.class, dialog).withCaption(ko("accounts.username")).single()).setValue(name);
        test(find(TextField.class, dialog).withCaption(ko("accounts.display-name")).single()).setValue("중지 대상");
        test(find(PasswordField.class, dialog).single()).setValue("a-good-long-password");
        test(find(Button.class, dialog).withText(ko("action.save")).single()).click();

        int row = usernames(view).indexOf(name);
        Button disable = (Button) test(view.grid).getCellComponent(row, 4).getChildren().findFirst().orElseThrow();
        test(disable).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertTrue(confirm.isOpened());
        assertEquals(ko("accounts.enabled"), test(view.grid).getCellText(row, 3), "not yet: only after confirming");
        test(confirm).confirm();
        assertEquals(ko("accounts.disabled"), test(view.grid).getCellText(usernames(view).indexOf(name), 3));
    }

    private List<String> usernames(AccountsView view) {
        return IntStream.range(0, test(view.grid).size()).mapToObj(i -> test(view.grid).getRow(i).username()).toList();
    }
}
