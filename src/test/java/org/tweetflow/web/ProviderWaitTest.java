package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tweetflow.TweetflowTest;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.SandboxFaults.Hold;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.EncryptedAuthorizedClientService;
import org.tweetflow.tokens.Provider;

/**
 * A page that calls X or Open Humans answers within {@code tweetflow.web.provider-wait} however slow the provider
 * is, says what happens next, and what it started still happens. The provider is held until the test releases it
 * ({@link SandboxFaults#hold}): a page back before the release did not wait for it, however slow the machine.
 */
@TweetflowTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "tweetflow.web.provider-wait=PT1S")
class ProviderWaitTest {

    static final String ADA = "10000001";
    static final String BEN = "10000002";
    static final Duration SLOW = Duration.ofSeconds(4);

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    MemberAccount account;
    @Autowired
    EncryptedAuthorizedClientService clients;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    XSimulator x;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    SandboxFaults faults;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        faults.clear();
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void connectingWhileXIsSlowToSayWhichAccountSaysSoAndConnectsItWhenXAnswers() throws Exception {
        Member ada = withTokens(members.ensure(ADA));
        Hold xAnswers = faults.hold("GET", "/x/2/users/me");

        // X answers only when released: a page that waited for it would not be back yet
        Document page = page(mvc.perform(get("/connect/twitter/callback")
                .session(SignedIn.xJustAuthorized()).with(SignedIn.as(ada))).andReturn());

        assertThat(page.getElementById("problem-title").text()).isEqualTo("X account not connected yet");
        assertThat(page.getElementById("problem-message").text()).contains("as soon as X does");
        assertThat(members.find(ada.id()).orElseThrow().twitterConnected()).isFalse();
        xAnswers.release();
        // connected first, then the first sync queued: the same background step, one after the other
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT reason FROM work_item WHERE subject_id = ?", String.class, ada.id())).containsExactly("connected"));
        assertThat(members.find(ada.id()).orElseThrow().twitterUserId()).isEqualTo(XSimulator.SAM);
    }

    @Test
    void disconnectWhileXIsSlowToRevokeAnswersAtOnceForgetsTheTokenAndStillRevokesIt() throws Exception {
        Member ada = connected();
        int revocations = x.callCount("revoke");
        Hold xAnswers = faults.hold("POST", "/x/2/oauth2/revoke");

        MvcResult result = mvc.perform(post("/dashboard/disconnect").param("archive", "keep").with(SignedIn.as(ada))
                .with(csrf())).andReturn();

        assertThat(result.getFlashMap().get("notice"))
                .isEqualTo("X disconnected. Your archive stays in your Open Humans account.");
        assertThat(members.find(ada.id()).orElseThrow().twitterConnected()).isFalse();
        assertThat(x.callCount("revoke")).as("answered before X revoked").isEqualTo(revocations);
        xAnswers.release();
        await().atMost(Duration.ofSeconds(15)).until(() -> x.callCount("revoke") == revocations + 1
                && clients.loadAuthorizedClient(Provider.X.registrationId(), ADA) == null);
    }

    @Test
    void twoMembersDisconnectingWhileXIsSlowHaveBothTheirTokensRevoked() {
        Member ada = connected(ADA);
        Member ben = connected(BEN);
        int revocations = x.callCount("revoke");
        faults.inject(Fault.delay("POST", "/x/2/oauth2/revoke", SLOW));

        account.disconnectTwitter(ada, false);
        account.disconnectTwitter(ben, false);

        await().atMost(Duration.ofSeconds(15)).until(() -> x.callCount("revoke") == revocations + 2);
    }

    @Test
    void anAccountXNamesOnlyAfterTheMemberDisconnectedIsNotConnected() throws Exception {
        Member ada = withTokens(members.ensure(ADA));
        faults.inject(Fault.delay("GET", "/x/2/users/me", SLOW));
        mvc.perform(get("/connect/twitter/callback")
                .session(SignedIn.xJustAuthorized()).with(SignedIn.as(ada))).andReturn();

        account.disconnectTwitter(members.find(ada.id()).orElseThrow(), false);

        await().during(SLOW.plusSeconds(2)).atMost(SLOW.plusSeconds(4))
                .until(() -> !members.find(ada.id()).orElseThrow().twitterConnected());
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, ada.id()))
                .isEmpty();
    }

    @Test
    void disconnectWhileOpenHumansIsSlowToDeleteSaysSoAndTheArchiveGoesWhenOpenHumansAnswers() throws Exception {
        Member ada = connected();
        openHumans.addFile(ADA, ArchiveFile.BASENAME, "{\"description\":\"X posts\",\"tags\":[\"twitter\"]}",
                "{}".getBytes(StandardCharsets.UTF_8));
        Hold openHumansAnswers = faults.hold("POST", "/openhumans/api/direct-sharing/project/files/delete/");

        MvcResult result = mvc.perform(post("/dashboard/disconnect").param("archive", "delete")
                .with(SignedIn.as(ada)).with(csrf())).andReturn();

        assertThat(result.getFlashMap().get("notice")).isEqualTo("X disconnected. "
                + ConnectController.DELETION_PENDING);
        assertThat(openHumans.files(ADA)).as("answered before Open Humans deleted").isNotEmpty();
        openHumansAnswers.release();
        await().atMost(Duration.ofSeconds(15)).until(() -> !account.archiveDeletionPending(ada));
        assertThat(openHumans.files(ADA)).isEmpty();
    }

    @Test
    void archiveLinkWhileOpenHumansIsSlowAsksTheMemberToFollowItAgain() throws Exception {
        Member ada = connected();
        Hold openHumansAnswers = faults.hold("GET", "/openhumans/api/direct-sharing/project/exchange-member/");

        MockHttpServletResponse response = mvc.perform(get("/members/" + ada.id() + "/archive")
                .with(SignedIn.as(ada))).andReturn().getResponse();
        openHumansAnswers.release();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("60");
        assertThat(Jsoup.parse(response.getContentAsString()).getElementById("problem-title").text())
                .isEqualTo("Archive link not ready");
    }

    private Member connected() {
        return connected(ADA);
    }

    private Member connected(String projectMemberId) {
        Member member = withTokens(members.ensure(projectMemberId));
        members.connectTwitter(member.id(), XSimulator.SAM, "small_sam", "Small Sam", null);
        return members.find(member.id()).orElseThrow();
    }

    /** The member's tokens of both providers, as the sign-in and the X authorization store them. */
    private Member withTokens(Member member) {
        XSimulator.Tokens xTokens = x.issueTokens(XSimulator.SAM, XSimulator.DEFAULT_SCOPE);
        store(Provider.X, member.projectMemberId(), xTokens.accessToken(), xTokens.refreshToken());
        OpenHumansSimulator.Tokens ohTokens = openHumans.issueTokens(member.projectMemberId());
        store(Provider.OPEN_HUMANS, member.projectMemberId(), ohTokens.accessToken(), ohTokens.refreshToken());
        return member;
    }

    private void store(Provider provider, String projectMemberId, String accessToken, String refreshToken) {
        Instant now = Instant.now();
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(
                registrations.findByRegistrationId(provider.registrationId()), projectMemberId,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now, now.plusSeconds(7200)),
                new OAuth2RefreshToken(refreshToken, now)), new TestingAuthenticationToken(projectMemberId, null));
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
