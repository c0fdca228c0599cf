package org.tweetflow.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what. The landing page, static files, health probes and the sandbox (which checks its own simulated
 * tokens, like the real services) are open; every other page needs an Open Humans sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/css/**", "/error", "/actuator/health/**", "/sandbox/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/sandbox/**"))
                .oauth2Login(Customizer.withDefaults());
        return http.build();
    }
}
