package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tweetflow.TweetflowTest;

/**
 * What every page's answer tells the browser, through the real server: the Content-Security-Policy, the
 * Referrer-Policy, and the session cookie's attributes. The test's requests come from loopback, which the default
 * settings trust as a proxy.
 */
@TweetflowTest
class SecurityHeadersTest {

    // starting a sign-in stores its state in a new session: the answer sets the session cookie
    static final String NEW_SESSION = "/oauth2/authorization/openhumans";

    @Value("${server.port}")
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesAllowNoInlineScriptOrStyleAndNoForeignSource() throws Exception {
        HttpResponse<String> landing = get("/");

        String policy = landing.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void pagesTellNoOtherSiteWhichPageLinkedToIt() throws Exception {
        assertThat(get("/").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void sessionCookieIsSecureAndSameSiteLaxWhenATrustedProxySaysTheRequestCameOverHttps() throws Exception {
        String cookie = sessionCookie(get(NEW_SESSION, "X-Forwarded-Proto", "https"));

        assertThat(attributes(cookie)).contains("Secure", "SameSite=Lax", "HttpOnly");
    }

    @Test
    void sessionCookieIsSameSiteLaxButNotSecureOverPlainHttp() throws Exception {
        String cookie = sessionCookie(get(NEW_SESSION));

        assertThat(attributes(cookie)).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers()));
    }

    private static List<String> attributes(String cookie) {
        return List.of(cookie.split(";\\s*"));
    }
}
