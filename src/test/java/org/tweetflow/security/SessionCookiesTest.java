package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;

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

    @Test
    void sharedSessionsCookieIsSecureWhenThePublicAddressIsHttpsEvenOverAnUnsecuredHop() {
        assertThat(sharedSessionCookie("https://tweetflow.example")).contains("; Secure");
    }

    @Test
    void sharedSessionsCookieIsLeftToTheRequestWhenThePublicAddressIsHttp() {
        assertThat(sharedSessionCookie("http://localhost:8080")).doesNotContain("Secure");
    }

    /** The Set-Cookie of Spring Session's cookie (distributed mode) for a plain http request. */
    private static String sharedSessionCookie(String publicUrl) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        new SessionCookies(URI.create(publicUrl)).customize(serializer);
        MockHttpServletResponse response = new MockHttpServletResponse();

        serializer.writeCookieValue(new CookieValue(new MockHttpServletRequest(), response, "session-id"));

        return response.getHeader("Set-Cookie");
    }
}
