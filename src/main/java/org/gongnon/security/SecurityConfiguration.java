package org.gongnon.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.gongnon.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // Citizens' entry points (personal links, code tickets) check their credential themselves.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/styles/**", "/icons/**", "/c/**").permitAll());
        // Health for load balancers: anyone may ask, only the status is answered to them (application.properties).
        // Every other actuator path stays denied; none is exposed anyway.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        // Plain file downloads (report files) for anyone signed in: the services decide who gets which file.
        // Without this rule Vaadin's configurer denies every request that is not one of its own.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/files/**").authenticated());
        // Personal links carry their token in the path: never send it on to another site.
        http.headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.SAME_ORIGIN)));
        // Session fixation: Spring Security changes the session id at form login (the default);
        // citizens get a new id in CitizenSignIn.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: stores "{bcrypt}…" so the algorithm can change later without breaking old hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUserDetailsService(StaffAccountRepository accounts, LoginThrottle throttle) {
        return username -> accounts.findByUsernameIgnoreCase(username.strip())
                .map(account -> new StaffUser(account, throttle.isLocked(username)))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Bean
    ThrottledAuthenticationProvider staffAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                                LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, encoder, throttle);
    }
}
