package org.gongnon.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Nothing is reachable without an explicit access rule: views carry one, and so do service methods. */
class AccessRulesTest {

    @Test
    void everyRouteLayoutAndErrorViewHasAnAccessRule() {
        Set<Class<?>> views = scan(new AnnotationTypeFilter(Route.class));
        views.addAll(scan(new AnnotationTypeFilter(Layout.class)));
        views.addAll(scan(new AssignableTypeFilter(HasErrorParameter.class)));
        assertTrue(views.size() >= 9, "the scan found the views: " + views);
        List<String> unguarded = views.stream()
                .filter(v -> !v.isAnnotationPresent(RolesAllowed.class) && !v.isAnnotationPresent(PermitAll.class)
                        && !v.isAnnotationPresent(AnonymousAllowed.class) && !v.isAnnotationPresent(DenyAll.class))
                .map(Class::getName).sorted().toList();
        assertTrue(unguarded.isEmpty(), "views without @RolesAllowed/@PermitAll/@AnonymousAllowed: " + unguarded);
    }

    @Test
    void onlyEntryPagesAreOpenToAnonymousVisitors() {
        Set<String> anonymous = scan(new AnnotationTypeFilter(Route.class)).stream()
                .filter(v -> v.isAnnotationPresent(AnonymousAllowed.class))
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertTrue(Set.of("LoginView", "CitizenLinkView", "CitizenCodeView").containsAll(anonymous),
                "unexpected anonymous views: " + anonymous);
    }

    @Test
    void everyPublicServiceMethodHasARoleRule() {
        Set<Class<?>> services = scan(new AnnotationTypeFilter(Service.class));
        assertFalse(services.isEmpty());
        List<String> unguarded = new ArrayList<>();
        for (Class<?> service : services) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()
                        && !m.isAnnotationPresent(PreAuthorize.class)
                        && !service.isAnnotationPresent(PreAuthorize.class)) {
                    unguarded.add(service.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(unguarded.isEmpty(), "service methods without @PreAuthorize: " + unguarded);
    }

    static Set<Class<?>> scan(org.springframework.core.type.filter.TypeFilter filter) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(filter);
        return scanner.findCandidateComponents("org.gongnon").stream().map(d -> {
            try {
                return Class.forName(d.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
