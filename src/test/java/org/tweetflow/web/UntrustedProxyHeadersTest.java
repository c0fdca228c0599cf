package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;

/**
 * A client that is not one of the configured proxies cannot pass itself off as one: its X-Forwarded-* headers change
 * neither the address redirects lead to nor whether the request counts as secure. (Here only a documentation
 * address is trusted, so the test's own loopback requests are a stranger's.)
 */
@TweetflowTest
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")
class UntrustedProxyHeadersTest {

    @Value("${server.port}")
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void forgedForwardedHostDoesNotReachRedirects() throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/dashboard")).header("Accept", "text/html").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443").build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContain("evil.example").isIn("/", "http://localhost:" + port + "/"));
    }

    @Test
    void forgedForwardedProtoDoesNotMakeTheSessionCookieSecure() throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/oauth2/authorization/openhumans")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }
}
