package org.tweetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.SyncOutcome;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.EncryptedAuthorizedClientService;
import org.tweetflow.tokens.Provider;

/**
 * Timeline calls per archived post: every demo X account's first sync, then an idle re-sync an hour later, through
 * the archive-member route against the sandbox (rate limits out of the way: only the calls are counted).
 */
@Tag("bench")
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.window=PT15M"})
class TimelineCallsBench {

    static final String OPEN_HUMANS_MEMBER = "10000001";

    record Row(XSimulator.Account account, int postsOnX, int reachable, SyncOutcome first, long archived, int weeks,
            int firstCalls, Duration firstTime, SyncOutcome idle, int idleCalls) {

        int floor() {
            return (int) ((archived + 99) / 100);
        }

        boolean firstMet() {
            return first.kind() == SyncOutcome.Kind.SYNCED && firstCalls <= floor() + 1;
        }

        boolean idleMet() {
            return idle.kind() == SyncOutcome.Kind.SYNCED && idleCalls == 1;
        }
    }

    @Autowired
    ProducerTemplate camel;
    @Autowired
    XSimulator x;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    MutableClock clock;
    @Autowired
    Members members;
    @Autowired
    EncryptedAuthorizedClientService clients;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void timelineCallsOfFirstSyncAndIdleResyncOfEveryDemoAccount() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (XSimulator.Account account : x.demoAccounts()) {
            forgetMembers();
            Member member = connect(account);

            x.resetCounts();
            long started = System.nanoTime();
            SyncOutcome first = sync(member);
            Duration firstTime = Duration.ofNanos(System.nanoTime() - started);
            int firstCalls = x.callCount("users/tweets");
            JsonNode metadata = archiveMetadata();

            clock.advance(Duration.ofHours(1));
            x.resetCounts();
            SyncOutcome idle = sync(member);
            int idleCalls = x.callCount("users/tweets");

            rows.add(new Row(account, x.tweetCount(account.id()), x.reachableTweetIds(account.id()).size(), first,
                    metadata.path("tweets").asLong(), metadata.path("weeks").asInt(), firstCalls, firstTime, idle,
                    idleCalls));
        }
        forgetMembers();

        BenchReport.section("01-timeline-calls", report(rows));
        assertThat(rows).as("every sync ran to an outcome the report can count (see the report)")
                .allSatisfy(row -> {
                    assertThat(row.first().kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
                    assertThat(row.idle().kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
                });
    }

    private String report(List<Row> rows) {
        StringBuilder md = new StringBuilder("""
                ## Timeline calls per archived post

                Each demo X account of the sandbox, connected by a fresh member: a **first sync**, then an **idle
                re-sync** an hour later (no new posts), both through the `archive-member` route. Calls are the
                `GET /2/users/:id/tweets` requests the sandbox answered. Floor = ceil(posts archived / 100), X's
                page size. Targets: first sync ≤ floor + 1; idle re-sync = 1. The wall time includes the archive's
                download and upload through the sandbox (and, in the first row, the JVM warming up).

                | account | created | posts on X | reachable | posts archived | weeks | first sync calls | floor | target | first sync | idle re-sync calls | idle re-sync | first sync wall time |
                |---|---|--:|--:|--:|--:|--:|--:|--:|---|--:|---|--:|
                """);
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            md.append(String.format("| @%s | %s | %d | %d | %d | %d | %d | %d | ≤ %d | %s | %d | %s | %.1f s |%n",
                    row.account().username(), row.account().createdAt().toString().substring(0, 10), row.postsOnX(),
                    row.reachable(), row.archived(), row.weeks(), row.firstCalls(), row.floor(), row.floor() + 1,
                    BenchReport.verdict(row.firstMet()), row.idleCalls(), BenchReport.verdict(row.idleMet()),
                    row.firstTime().toMillis() / 1000.0));
            outcomeNote(notes, row, "first sync", row.first());
            outcomeNote(notes, row, "idle re-sync", row.idle());
            if (row.first().kind() == SyncOutcome.Kind.SYNCED && row.archived() != row.reachable()) {
                notes.add(String.format("@%s: the archive holds %d posts, X can return %d.", row.account().username(),
                        row.archived(), row.reachable()));
            }
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(note -> md.append("- ").append(note).append("\n"));
        }
        return md.toString();
    }

    private static void outcomeNote(List<String> notes, Row row, String which, SyncOutcome outcome) {
        if (outcome.kind() != SyncOutcome.Kind.SYNCED) {
            notes.add(String.format("@%s: the %s ended %s: %s", row.account().username(), which, outcome.kind(),
                    outcome.detail()));
        }
    }

    private SyncOutcome sync(Member member) {
        return camel.requestBody("direct:archive-member", member.id(), SyncOutcome.class);
    }

    /** As the sign-in and connect pages leave a member: tokens of both providers, encrypted in the store. */
    private Member connect(XSimulator.Account account) {
        Instant now = clock.instant();
        Member member = members.ensure(OPEN_HUMANS_MEMBER);
        members.connectTwitter(member.id(), account.id(), account.username(), account.name(), account.createdAt());
        XSimulator.Tokens xTokens = x.issueTokens(account.id(), XSimulator.DEFAULT_SCOPE);
        store(Provider.X, xTokens.accessToken(), xTokens.refreshToken(), now);
        OpenHumansSimulator.Tokens ohTokens = openHumans.issueTokens(OPEN_HUMANS_MEMBER);
        store(Provider.OPEN_HUMANS, ohTokens.accessToken(), ohTokens.refreshToken(), now);
        return members.find(member.id()).orElseThrow();
    }

    private void store(Provider provider, String accessToken, String refreshToken, Instant now) {
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registrations.findByRegistrationId(provider.registrationId()),
                OPEN_HUMANS_MEMBER, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
                        now.plus(Duration.ofHours(2))), new OAuth2RefreshToken(refreshToken, now)),
                new TestingAuthenticationToken(OPEN_HUMANS_MEMBER, null));
    }

    /** The Open Humans metadata of the member's archive file (its post and week counts); empty if none. */
    private JsonNode archiveMetadata() throws Exception {
        List<SimulatedFile> files = openHumans.files(OPEN_HUMANS_MEMBER).stream()
                .filter(file -> ArchiveFile.BASENAME.equals(file.basename())).toList();
        return files.isEmpty() ? mapper.createObjectNode() : mapper.readTree(files.get(files.size() - 1).metadataJson());
    }

    private void forgetMembers() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
        openHumans.clearFiles();
    }
}
