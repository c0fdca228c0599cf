package org.tweetflow.security;

import io.hawt.system.ConfigManager;
import io.hawt.web.auth.AuthenticationConfiguration;
import jakarta.servlet.SessionCookieConfig;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.tweetflow.config.TweetflowProperties;

/**
 * Hawtio's sign-in on the management server: its form accepts the ops account alone ({@link OpsLoginModule}), and
 * the session it opens has a cookie of its own. Loaded into the management server's context (listed in
 * {@code META-INF/spring/...ManagementContextConfiguration.imports}, never scanned), where Hawtio's servlets live.
 */
@ManagementContextConfiguration(proxyBeanMethods = false)
public class HawtioSignInConfiguration {

    /** Named apart from the members' JSESSIONID: cookies ignore ports, and one sign-in must not end the other. */
    static final String SESSION_COOKIE = "TWEETFLOW_OPS_SESSION";

    /**
     * Hawtio reads its JAAS configuration when its context listener starts; an initializer runs before any
     * listener, so the ops account is in Hawtio's realm from the first request. Hawtio's own configuration
     * manager goes in first, as its listener would, because the authentication configuration is made from it.
     */
    @Bean
    ServletContextInitializer hawtioSignsInTheOpsAccount(ConfigManager hawtioConfigManager,
            TweetflowProperties properties) {
        var opsSignIn = ManagementSecurityConfiguration.opsSignIn(properties.ops());
        return servletContext -> {
            servletContext.setAttribute(ConfigManager.CONFIG_MANAGER, hawtioConfigManager);
            AuthenticationConfiguration.getConfiguration(servletContext)
                    .addConfiguration(OpsLoginModule.configuration(opsSignIn));
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setName(SESSION_COOKIE);
            cookie.setHttpOnly(true);
            // another site's page cannot ride the console's session (Hawtio's calls carry no CSRF token); a page
            // on another port of this host can (same-site): ManagementSecurityConfiguration refuses its requests
            cookie.setAttribute("SameSite", "Strict");
        };
    }
}
