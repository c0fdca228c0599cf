package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

class SessionCookiesTest {

    @Test
    void sessionCookieIsSecureWhenThePublicAddressIsHttps() {
        MockServletContext context = new MockServletContext();

        new SessionCookies(URI.create("https://tweetflow.example")).onStartup(context);

        assertThat(context.getSessionCookieConfig().isSecure()).isTrue();
    }

    @Test
    void sessionCookieIsLeftToTheRequestWhenThePublicAddressIsHttp() {
        MockServletContext context = new MockServletContext();

        new SessionCookies(URI.create("http://localhost:8080")).onStartup(context);

        assertThat(context.getSessionCookieConfig().isSecure()).isFalse();
    }
}
