package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.test.web.servlet.MockMvc;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.EncryptedAuthorizedClientService;
import org.tweetflow.tokens.Provider;

/**
 * The X callback learns the account only right after X's code was exchanged; a link to it from anywhere else (a GET
 * another site can make the member's browser send) calls nothing at X and changes nothing.
 */
@TweetflowTest
@AutoConfigureMockMvc
class ConnectCallbackTest {

    static final String ME = "users/me";

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    XSimulator x;
    @Autowired
    EncryptedAuthorizedClientService clients;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    JdbcTemplate jdbc;

    Member ada;

    /** Ada authorized tweetflow at X (her tokens are stored) but her account is not connected yet. */
    @BeforeEach
    void authorizedAtX() {
        ada = members.ensure("10000001");
        XSimulator.Tokens tokens = x.issueTokens(XSimulator.SAM, XSimulator.DEFAULT_SCOPE);
        Instant now = Instant.now();
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(
                registrations.findByRegistrationId(Provider.X.registrationId()), ada.projectMemberId(),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokens.accessToken(), now,
                        now.plusSeconds(7200)), new OAuth2RefreshToken(tokens.refreshToken(), now)),
                new TestingAuthenticationToken(ada.projectMemberId(), null));
    }

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void aCallbackWithoutAFreshAuthorizationCallsNoXAndConnectsNothing() throws Exception {
        int calls = x.callCount(ME);

        Document page = Jsoup.parse(mvc.perform(get("/connect/twitter/callback").with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.getElementById("problem-title").text()).isEqualTo("X account not connected");
        assertThat(page.getElementById("problem-message").text()).contains("nothing to connect");
        assertThat(page.getElementById("try-again").attr("href")).isEqualTo("/connect");
        assertThat(x.callCount(ME)).isEqualTo(calls);
        assertThat(members.find(ada.id()).orElseThrow().twitterConnected()).isFalse();
        assertThat(jdbc.queryForList("SELECT kind FROM work_item", String.class)).isEmpty();
    }

    @Test
    void xsErrorOnTheCallbackCallsNoXEvenRightAfterAnAuthorization() throws Exception {
        int calls = x.callCount(ME);

        mvc.perform(get("/connect/twitter/callback").param("error", "access_denied")
                .session(SignedIn.xJustAuthorized()).with(SignedIn.as(ada))).andExpect(status().isOk());

        assertThat(x.callCount(ME)).isEqualTo(calls);
        assertThat(members.find(ada.id()).orElseThrow().twitterConnected()).isFalse();
    }

    @Test
    void theCallbackRightAfterXAuthorizedConnectsTheAccountOnce() throws Exception {
        MockHttpSession session = SignedIn.xJustAuthorized();
        int calls = x.callCount(ME);

        mvc.perform(get("/connect/twitter/callback").session(session).with(SignedIn.as(ada)))
                .andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/connect/twitter/callback").session(session).with(SignedIn.as(ada)))
                .andExpect(status().isOk());

        assertThat(members.find(ada.id()).orElseThrow().twitterUserId()).isEqualTo(XSimulator.SAM);
        assertThat(x.callCount(ME)).isEqualTo(calls + 1);
        assertThat(jdbc.queryForList("SELECT reason FROM work_item", String.class)).containsExactly("connected");
    }
}
