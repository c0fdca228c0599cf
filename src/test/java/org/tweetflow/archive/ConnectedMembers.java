package org.tweetflow.archive;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.ConditionalOnSandbox;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.EncryptedAuthorizedClientService;
import org.tweetflow.tokens.Provider;

/**
 * Members as the sign-in and connect pages leave them (a member row, tokens of both providers from the sandbox,
 * encrypted in the store), and a look at what the sandbox's Open Humans holds for them. A test-only bean, there
 * while the sandbox is.
 */
@Component
@ConditionalOnSandbox
public class ConnectedMembers {

    private final Members members;
    private final EncryptedAuthorizedClientService clients;
    private final ClientRegistrationRepository registrations;
    private final XSimulator x;
    private final OpenHumansSimulator openHumans;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = new ObjectMapper();

    ConnectedMembers(Members members, EncryptedAuthorizedClientService clients,
            ClientRegistrationRepository registrations, XSimulator x, OpenHumansSimulator openHumans,
            JdbcTemplate jdbc) {
        this.members = members;
        this.clients = clients;
        this.registrations = registrations;
        this.x = x;
        this.openHumans = openHumans;
        this.jdbc = jdbc;
    }

    /** Open Humans member {@code projectMemberId}, signed in, with no X account connected yet. */
    public Member signIn(String projectMemberId, Instant now) {
        Member member = members.ensure(projectMemberId);
        OpenHumansSimulator.Tokens ohTokens = openHumans.issueTokens(projectMemberId);
        store(Provider.OPEN_HUMANS, projectMemberId, ohTokens.accessToken(), ohTokens.refreshToken(), now);
        return member;
    }

    /** Open Humans member {@code projectMemberId} with X account {@code xUserId} connected. */
    public Member connect(String projectMemberId, String xUserId, Instant now) {
        return connect(projectMemberId, xUserId, x.accountCreatedAt(xUserId).orElseThrow(), now);
    }

    Member connect(String projectMemberId, String xUserId, Instant accountCreatedAt, Instant now) {
        signIn(projectMemberId, now);
        return connectXOnly(projectMemberId, xUserId, accountCreatedAt, now);
    }

    /** A member with X's tokens only: enough to fetch from X, not to reach the sandbox's Open Humans. */
    public Member connectXOnly(String projectMemberId, String xUserId, Instant now) {
        return connectXOnly(projectMemberId, xUserId, x.accountCreatedAt(xUserId).orElseThrow(), now);
    }

    private Member connectXOnly(String projectMemberId, String xUserId, Instant accountCreatedAt, Instant now) {
        Member member = members.ensure(projectMemberId);
        XSimulator.Account account = x.demoAccounts().stream().filter(a -> a.id().equals(xUserId)).findFirst()
                .orElseThrow();
        members.connectTwitter(member.id(), xUserId, account.username(), account.name(), accountCreatedAt);
        XSimulator.Tokens xTokens = x.issueTokens(xUserId, XSimulator.DEFAULT_SCOPE);
        store(Provider.X, projectMemberId, xTokens.accessToken(), xTokens.refreshToken(), now);
        return members.find(member.id()).orElseThrow();
    }

    public void store(Provider provider, String projectMemberId, String accessToken, String refreshToken, Instant now) {
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId(provider.registrationId()),
                projectMemberId, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
                        now.plusSeconds(7200)),
                refreshToken == null ? null : new OAuth2RefreshToken(refreshToken, now)),
                new TestingAuthenticationToken(projectMemberId, null));
    }

    String accessToken(Provider provider, String projectMemberId) {
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(provider.registrationId(), projectMemberId);
        return client.getAccessToken().getTokenValue();
    }

    /** Ids of the member's posts X can return that were created in [start, end). */
    static List<String> reachableIn(XSimulator x, String userId, Instant start, Instant end) {
        return x.reachableTweetIds(userId).stream().filter(id -> {
            Instant at = Instant.ofEpochMilli((Long.parseLong(id) >> 22) + XSimulator.TWITTER_EPOCH);
            return !at.isBefore(start) && at.isBefore(end);
        }).toList();
    }

    List<SimulatedFile> archiveFiles(String projectMemberId) {
        return openHumans.files(projectMemberId).stream()
                .filter(file -> ArchiveFile.BASENAME.equals(file.basename())).toList();
    }

    /** The one archive file of the member, parsed (test archives are small). */
    JsonNode archive(String projectMemberId) throws Exception {
        List<SimulatedFile> files = archiveFiles(projectMemberId);
        if (files.size() != 1) {
            throw new AssertionError("expected one archive file, found " + files);
        }
        try (var in = openHumans.open(files.get(0).id())) {
            return mapper.readTree(in);
        }
    }

    JsonNode metadata(String projectMemberId) throws Exception {
        return mapper.readTree(archiveFiles(projectMemberId).get(0).metadataJson());
    }

    String state(long memberId) {
        return jdbc.queryForObject("SELECT state FROM archive_state WHERE member_id = ?", String.class, memberId);
    }

    String detail(long memberId) {
        return jdbc.queryForObject("SELECT detail FROM archive_state WHERE member_id = ?", String.class, memberId);
    }

    public void forgetAll() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
        jdbc.update("DELETE FROM fetch_pause");
        openHumans.clearFiles();
    }
}
