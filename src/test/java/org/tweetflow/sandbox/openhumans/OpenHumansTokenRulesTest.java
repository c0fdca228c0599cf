package org.tweetflow.sandbox.openhumans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.SandboxTest;

/** Open Humans' token endpoint: a bad grant is 400 invalid_grant (RFC 6749 5.2), a bad client 401. */
@SandboxTest
class OpenHumansTokenRulesTest {

    private static final String CLEO = "10000003";

    @Autowired
    OpenHumansSimulator simulator;

    @Autowired
    OpenHumansApi openHumans;

    @Test
    void badRefreshTokenIs400InvalidGrant() throws Exception {
        HttpResponse<String> answer = openHumans.token(SandboxClients.OPEN_HUMANS_CLIENT_SECRET,
                "grant_type=refresh_token&refresh_token=nope");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
    }

    @Test
    void badCodeIs400InvalidGrant() throws Exception {
        HttpResponse<String> answer = openHumans.token(SandboxClients.OPEN_HUMANS_CLIENT_SECRET,
                "grant_type=authorization_code&code=nope&redirect_uri=" + enc("http://localhost/cb"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_grant\"}");
    }

    @Test
    void badClientIs401InvalidClient() throws Exception {
        String refresh = simulator.issueTokens(CLEO).refreshToken();
        HttpResponse<String> answer = openHumans.token("wrong-secret", "grant_type=refresh_token&refresh_token=" + refresh);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_client\"}");
    }

    @Test
    void goodRefreshTokenAnswersTenHourTokens() throws Exception {
        String refresh = simulator.issueTokens(CLEO).refreshToken();
        HttpResponse<String> answer = openHumans.token(SandboxClients.OPEN_HUMANS_CLIENT_SECRET,
                "grant_type=refresh_token&refresh_token=" + refresh);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SandboxHttp.json(answer).path("expires_in").asInt()).isEqualTo(36000);
    }
}
