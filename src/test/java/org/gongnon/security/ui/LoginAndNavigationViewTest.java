package org.gongnon.security.ui;

import org.gongnon.testsupport.ViewTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.ui.LanguageSwitch;
import org.gongnon.base.ui.MainLayout;
import org.gongnon.process.ui.HomeView;
import org.gongnon.security.ui.AccountsView;
import org.gongnon.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

class LoginAndNavigationViewTest extends ViewTestBase {

    @Test
    @WithAnonymousUser
    void anonymousVisitorsAreSentToTheKoreanLoginPage() {
        assertInstanceOf(LoginView.class, open(""));
        LoginForm form = find(LoginForm.class).single();
        assertTrue(String.valueOf(form.getElement().getPropertyRaw("i18n")).contains(ko("login.title")));
        assertFalse(form.isError());
        assertTrue(find(Anchor.class).all().stream().anyMatch(a -> a.getHref().equals("code")),
                "citizens find the way to the code page");
    }

    @Test
    @WithAnonymousUser
    void aFailedSignInShowsOneGenericMessage() {
        UI.getCurrent().navigate(LoginView.class, QueryParameters.of("error", ""));
        LoginView view = (LoginView) getCurrentView();
        LoginForm form = find(LoginForm.class).single();
        assertTrue(form.isError());
        assertTrue(String.valueOf(form.getElement().getPropertyRaw("i18n")).contains(ko("login.error.message")));
        assertTrue(view.getPageTitle().contains("로그인"));
    }

    @Test
    @WithUserDetails("admin")
    void adminsSeeAccountManagementInTheNavigation() {
        List<String> nav = navigationAfterOpeningHome();
        assertTrue(nav.contains(ko("nav.home")), nav.toString());
        assertTrue(nav.contains(ko("nav.accounts")), nav.toString());
        assertFalse(nav.contains(ko("nav.my-page")), "citizen pages are not for staff: " + nav);
        assertTrue(find(MainLayout.class).exists());
    }

    @Test
    @WithUserDetails("facilitator")
    void facilitatorsDoNotSeeAccountManagementAndCannotOpenIt() {
        List<String> nav = navigationAfterOpeningHome();
        assertFalse(nav.contains(ko("nav.accounts")), nav.toString());
        assertFalse(open("admin/accounts") instanceof AccountsView, "access control refuses the admin page");
    }

    @Test
    @WithUserDetails("official")
    void theLanguageSwitchChangesTheUiToEnglish() {
        navigate(HomeView.class);
        assertEquals(Locale.KOREAN, UI.getCurrent().getLocale(), "Korean by default");
        LanguageSwitch language = find(LanguageSwitch.class).first();
        test(language).selectItem("English");
        assertEquals(Locale.ENGLISH, UI.getCurrent().getLocale());
        assertEquals(Locale.ENGLISH, UI.getCurrent().getSession().getLocale());
    }

    /** The side navigation's labels as the signed-in user sees them on the home page. */
    private List<String> navigationAfterOpeningHome() {
        navigate(HomeView.class);
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
