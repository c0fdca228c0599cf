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

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.tweetflow.OpsAccount;
import org.tweetflow.TweetflowTest;
import org.tweetflow.config.TweetflowProperties;

/** Health answers anyone on the management port; everything else there needs the ops account; members' port: none. */
@TweetflowTest
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int publicPort;

    @Test
    void theHealthProbesAnswerWithoutCredentials() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
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
    }

    @Test
    void theMembersPortServesNoActuator() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info"}) {
            assertThat(get(publicPort, path, OpsAccount.basicAuth()).statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void withoutAnOpsPasswordThereIsNoAccountToSignInWith() {
        var noPassword = ManagementSecurityConfiguration.opsAccount(new TweetflowProperties.Ops("ops", null));
        assertThatThrownBy(() -> noPassword.loadUserByUsername("ops")).isInstanceOf(UsernameNotFoundException.class);
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
