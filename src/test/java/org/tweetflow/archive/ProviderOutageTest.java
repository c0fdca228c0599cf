package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.tokens.Provider;

/**
 * A provider's outage outlasting the backoff of single calls: the sync stays queued and is tried again after a
 * growing delay (retry-delay, then twice as long ...), not dropped until the next daily scan.
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.1S",
        "tweetflow.http.max-retries=2", "tweetflow.http.read-timeout=PT1S", "tweetflow.archive.retry-delay=PT1M",
        "tweetflow.archive.retry-delay-max=PT1H",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.window=PT15M"})
class ProviderOutageTest {

    /** More answers than the attempts during the outage make: X is down until the test ends the outage. */
    static final int OUTAGE_ANSWERS = 100;

    @Autowired
    ArchiveQueue queue;
    @Autowired
    MutableClock clock;
    @Autowired
    SandboxFaults faults;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    XSimulator x;
    @Autowired
    ConnectedMembers members;

    @AfterEach
    void forget() {
        faults.clear();
        members.forgetAll();
    }

    @Test
    void fiveMinuteXOutageIsWaitedOutWithGrowingDelaysAndTheSyncCompletesTheSameDay() throws Exception {
        Instant outageStart = clock.instant();
        Instant outageEnd = outageStart.plus(Duration.ofMinutes(5));
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        List<Duration> waits = new ArrayList<>();

        xIsDown();
        queue.queue(ada.id(), "connected");
        for (int attempt = 1; attempt < 10; attempt++) {
            int claimed = attempt;
            await().atMost(Duration.ofSeconds(30)).until(() -> settled(ada, claimed));
            if ("idle".equals(members.state(ada.id()))) {
                break;
            }
            assertThat(members.detail(ada.id())).contains("X answered 503").contains("tried again from");
            Instant notBefore = jdbc.queryForObject("SELECT not_before FROM work_item WHERE subject_id = ?",
                    Timestamp.class, ada.id()).toInstant();
            waits.add(Duration.between(clock.instant(), notBefore));
            clock.set(notBefore);
            if (!clock.instant().isBefore(outageEnd)) {
                faults.clear();
            }
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));
        assertThat(clock.instant()).isBefore(outageStart.plus(Duration.ofHours(1)));
        assertThat(ArchiveMemberRouteTest.tweetIds(members.archive(ada.projectMemberId())))
                .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(XSimulator.SAM));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Integer.class)).isZero();
    }

    @Test
    void tokenEndpointThatNeverAnswersFailsTheSyncWithinTheTimeoutsAndReleasesItsLease() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        xTokenExpired(ada);
        for (int i = 0; i < OUTAGE_ANSWERS; i++) {
            faults.inject(Fault.delay("POST", "/x/2/oauth2/token", Duration.ofSeconds(20)));
        }

        queue.queue(ada.id(), "connected");

        // each call gave up at the read timeout (1 s), not at X's answer after 20 s: one call and its 2 redeliveries
        await().atMost(Duration.ofSeconds(60)).until(() -> settled(ada, 1));
        assertThat(faults.queued()).isEqualTo(OUTAGE_ANSWERS - 3);
        assertThat(members.detail(ada.id())).contains("tried again from");
        assertThat(jdbc.queryForObject("SELECT not_before FROM work_item WHERE subject_id = ?", Timestamp.class,
                ada.id()).toInstant()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @ParameterizedTest(name = "X''s token endpoint answering {0}")
    @ValueSource(ints = {429, 503})
    void tokenEndpointRateLimitedOrUnavailableIsAnOutageTheSyncWaitsOut(int status) throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        XSimulator.Tokens expired = xTokenExpired(ada);
        // one answer more than the call's redeliveries (max-retries=2): the outage outlasts them
        for (int i = 0; i < 3; i++) {
            faults.inject(Fault.status("POST", "/x/2/oauth2/token", status,
                    "{\"title\":\"Unavailable\",\"status\":" + status + "}"));
        }

        queue.queue(ada.id(), "connected");

        await().atMost(Duration.ofSeconds(15)).until(() -> settled(ada, 1));
        assertThat(members.state(ada.id())).isEqualTo("failed");
        assertThat(members.detail(ada.id())).contains("token refresh failed (answered " + status + ")")
                .contains("tried again from").doesNotContain(expired.refreshToken());
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(15)).until(() -> settled(ada, 1) && "idle".equals(members.state(ada.id())));
    }

    /** The member's X access token expired an hour ago: the sync refreshes it first. */
    private XSimulator.Tokens xTokenExpired(Member member) {
        XSimulator.Tokens expired = x.issueTokens(XSimulator.SAM, XSimulator.DEFAULT_SCOPE);
        members.store(Provider.X, member.projectMemberId(), expired.accessToken(),
                expired.refreshToken(), clock.instant().minus(Duration.ofHours(3)));
        return expired;
    }

    private void xIsDown() {
        for (int i = 0; i < OUTAGE_ANSWERS; i++) {
            faults.inject(Fault.status("GET", "/x/2/users/*/tweets", 503,
                    "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"type\":\"about:blank\","
                            + "\"status\":503}"));
        }
    }

    /** The sync's attempt ended: synced (the item left the queue), or released to wait for its next attempt. */
    private boolean settled(Member member, int attempt) {
        List<Integer> released = jdbc.queryForList(
                "SELECT attempts FROM work_item WHERE subject_id = ? AND lease_owner IS NULL", Integer.class,
                member.id());
        boolean synced = "idle".equals(members.state(member.id())) && jdbc.queryForObject(
                "SELECT COUNT(*) FROM work_item WHERE subject_id = ?", Integer.class, member.id()) == 0;
        return synced || released.contains(attempt) && "failed".equals(members.state(member.id()));
    }
}
