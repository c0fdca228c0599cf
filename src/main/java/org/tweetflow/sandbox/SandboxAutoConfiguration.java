package org.tweetflow.sandbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulatorConfiguration;
import org.tweetflow.sandbox.x.XSimulatorConfiguration;

/**
 * The simulated X and Open Humans, while the sandbox is on. The application's scan leaves this package out: the
 * sandbox comes in only here, with its clients as settings ({@link SandboxSettings}) and a security chain of its own.
 */
@AutoConfiguration
@ConditionalOnSandbox
@Import({RealClientsRefusal.class, XSimulatorConfiguration.class, OpenHumansSimulatorConfiguration.class,
        SandboxAnnouncer.class})
public class SandboxAutoConfiguration {

    /**
     * Ahead of the service's chain, which guards every other path. Everything here is open: the simulated providers
     * check their own clients and tokens, as the real ones do. No CSRF: the member's browser posts the authorize
     * forms, and API clients post tokens, as they would to the real providers.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain sandboxSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(SandboxClients.ROOT + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
