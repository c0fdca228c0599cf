package org.tweetflow.security;

import java.net.URI;

import jakarta.servlet.ServletContext;

import org.springframework.boot.autoconfigure.session.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie is {@code Secure} whenever the service's public address is https: its browsers then reach it
 * only over TLS, even when the proxy in front of it is not (yet) among the trusted ones whose
 * {@code X-Forwarded-Proto} tells Tomcat a request is secure. The same rule for both cookies: Tomcat's on a single
 * machine, Spring Session's in distributed mode (whose serializer Spring Boot makes from the same
 * {@code server.servlet.session.cookie.*}: name, {@code SameSite=Lax}, {@code HttpOnly}).
 */
class SessionCookies implements ServletContextInitializer, DefaultCookieSerializerCustomizer {

    private final boolean secure;

    SessionCookies(URI publicUrl) {
        this.secure = "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (secure) {
            servletContext.getSessionCookieConfig().setSecure(true);
        }
    }

    @Override
    public void customize(DefaultCookieSerializer cookieSerializer) {
        if (secure) {
            cookieSerializer.setUseSecureCookie(true);
        }
    }
}
