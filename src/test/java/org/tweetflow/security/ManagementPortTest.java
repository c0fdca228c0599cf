package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.tweetflow.OpsAccount;
import org.tweetflow.TweetflowTest;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.web.HttpBrowser;

/**
 * Health answers anyone on the management port; everything else there needs the ops account (a member's session
 * counts for nothing, another site's page gets nothing even with it); the members' port serves no actuator.
 */
@TweetflowTest
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int publicPort;
    @Autowired
    RateBudget budget;

    @Test
    void theHealthProbesAnswerWithoutCredentials() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).as("no details without the ops account").doesNotContain("\"db\"");
    }

    @Test
    void everythingElseOnTheManagementPortAsksForTheOpsAccount() throws Exception {
        HttpResponse<String> anonymous = get(managementPort, "/actuator/info", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(get(managementPort, "/actuator", null).statusCode()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/info", basic(OpsAccount.USERNAME, "wrong")).statusCode())
                .isEqualTo(401);
        assertThat(get(managementPort, "/actuator/info", OpsAccount.basicAuth()).statusCode()).isEqualTo(200);
        // docs/operations.md's curl lines: what the port offers, and health's details
        assertThat(get(managementPort, "/actuator", OpsAccount.basicAuth()).body()).contains("\"fetching\"")
                .contains("\"prometheus\"");
        assertThat(get(managementPort, "/actuator/health", OpsAccount.basicAuth()).body()).contains("\"db\"");
    }

    @Test
    void theMembersPortServesNoActuator() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info"}) {
            assertThat(get(publicPort, path, OpsAccount.basicAuth()).statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void aMembersSessionGetsNothingOnTheManagementPort() throws Exception {
        HttpBrowser member = new HttpBrowser(HttpBrowser.client(), URI.create("http://localhost:" + publicPort));
        member.signIn("10000001");
        // cookies ignore ports: the member's browser sends its session to the management port too
        String cookie = "JSESSIONID=" + member.session();

        HttpResponse<String> metrics = send(managementPort, "/actuator/prometheus", cookie, null);
        HttpResponse<String> pause = send(managementPort, "/actuator/fetching", cookie, "{\"paused\":true}");
        HttpResponse<String> jolokia = send(managementPort, "/actuator/jolokia/read/java.lang:type=Memory", cookie,
                null);

        assertThat(List.of(metrics, pause, jolokia)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(401);
            assertThat(answer.body()).doesNotContain("tweetflow_").doesNotContain("\"value\"");
        });
        assertThat(budget.fetching()).as("fetching not paused").isTrue();
    }

    @Test
    void aRequestAnotherSitesPageMadeIsRefusedEvenWithTheOpsAccount() throws Exception {
        HttpRequest.Builder version = HttpRequest.newBuilder(URI.create(
                "http://localhost:" + managementPort + "/actuator/jolokia/version"))
                .header("Authorization", OpsAccount.basicAuth());

        // the member's pages on the same host are another origin: same-site, not same-origin
        for (String site : new String[] {"cross-site", "same-site"}) {
            HttpResponse<String> answer = http.send(version.copy().header("Sec-Fetch-Site", site).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(site).isEqualTo(403);
            assertThat(answer.body()).as(site).doesNotContain("\"agent\"");
        }
        // typed in the address bar, or curl
        assertThat(http.send(version.copy().header("Sec-Fetch-Site", "none").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(version.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpsCheckTakesTheAccountAloneAndNobodyWithoutAPassword() {
        AuthenticationManager check = ManagementSecurityConfiguration.opsSignIn(
                new TweetflowProperties.Ops("ops", "secret"));
        assertThat(check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ops", "secret"))
                .getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OPS");
        for (String[] wrong : new String[][] {{"ops", "secre"}, {"ops", "secret2"}, {"ops", ""}, {"op", "secret"},
                {"OPS", "secret"}, {"10000001", "secret"}}) {
            assertThatThrownBy(() -> check.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(wrong[0], wrong[1])))
                    .as(String.join(":", wrong)).isInstanceOf(BadCredentialsException.class);
        }

        AuthenticationManager noPassword = ManagementSecurityConfiguration.opsSignIn(
                new TweetflowProperties.Ops("ops", null));
        assertThatThrownBy(() -> noPassword.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ops",
                "null"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aBlankOpsPasswordIsNoPasswordSoNobodySignsIn() {
        for (String blank : new String[] {"", "  "}) {
            AuthenticationManager check = ManagementSecurityConfiguration.opsSignIn(
                    new TweetflowProperties.Ops("ops", blank));
            for (String guess : new String[] {"", "  ", "null"}) {
                assertThatThrownBy(() -> check.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("ops",
                        guess))).as("'%s' against '%s'", guess, blank).isInstanceOf(BadCredentialsException.class);
            }
        }
    }

    private HttpResponse<String> send(int port, String path, String cookie, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookie);
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
