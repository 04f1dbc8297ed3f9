package org.gongnon.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.ui.ProcessSwitcherSource.ProcessOption;

/**
 * The frame around every signed-in view: side navigation with the entries the user's role may open,
 * and a header with the process switcher, the language switch and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SideNav nav = new SideNav();
    private final ComboBox<ProcessOption> processSwitcher = new ComboBox<>();
    private final transient ProcessSwitcherSource processes;
    private final transient AuthenticationContext authentication;

    public MainLayout(Optional<ProcessSwitcherSource> processes, AuthenticationContext authentication) {
        this.processes = processes.orElse(List::of);
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        Anchor brand = new Anchor("", getTranslation("app.name"));
        brand.addClassName("gn-brand");
        nav.addClassName("gn-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        addToDrawer(brand, nav);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));

        processSwitcher.setPlaceholder(getTranslation("header.switch-process"));
        processSwitcher.setAriaLabel(getTranslation("header.switch-process"));
        processSwitcher.setItemLabelGenerator(ProcessOption::title);
        processSwitcher.addClassName("gn-process-switcher");
        processSwitcher.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent().navigate("processes/" + e.getValue().id());
            }
        });

        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.addClassName("gn-user");
        // On phones only the icon shows; the label stays for screen readers.
        Span logoutText = new Span(getTranslation("header.logout"));
        logoutText.addClassName("gn-logout-text");
        Button logout = new Button(VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.getElement().appendChild(logoutText.getElement());
        logout.setAriaLabel(getTranslation("header.logout"));
        logout.setTooltipText(getTranslation("header.logout"));
        logout.addThemeVariants(ButtonVariant.TERTIARY);

        HorizontalLayout header = new HorizontalLayout(toggle, processSwitcher, new LanguageSwitch(), user, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("gn-header");
        header.expand(processSwitcher);
        addToNavbar(header);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }
        List<ProcessOption> options = processes.processOptions();
        processSwitcher.setItems(options);
        processSwitcher.setVisible(!options.isEmpty());
        String path = event.getLocation().getPath();
        options.stream().filter(o -> path.startsWith("processes/" + o.id()))
                .findFirst().ifPresentOrElse(processSwitcher::setValue, processSwitcher::clear);
    }
}
