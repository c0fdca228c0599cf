package org.tweetflow.security;

import java.net.URI;

import jakarta.servlet.ServletContext;

import org.springframework.boot.web.servlet.ServletContextInitializer;

/**
 * The session cookie is {@code Secure} whenever the service's public address is https: its browsers then reach it
 * only over TLS, even when the proxy in front of it is not (yet) among the trusted ones whose
 * {@code X-Forwarded-Proto} tells Tomcat a request is secure. ({@code SameSite=Lax} is
 * {@code server.servlet.session.cookie.same-site} in application.yaml.)
 */
class SessionCookies implements ServletContextInitializer {

    private final URI publicUrl;

    SessionCookies(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if ("https".equalsIgnoreCase(publicUrl.getScheme())) {
            servletContext.getSessionCookieConfig().setSecure(true);
        }
    }
}
