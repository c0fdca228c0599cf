package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TestPostgres;
import org.tweetflow.TweetflowTest;
import org.tweetflow.calls.CallFailure;
import org.tweetflow.calls.CallFailures;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.MemberTokens;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.TokenBusyException;

/**
 * The archive job's SQL on a real PostgreSQL (14, started by the test): the queue, the leases, the row lock around
 * a token refresh, the member and state tables, through one whole sync taken off the queue by a worker. Short HTTP
 * timeouts bound the wait for a token's lock (twice connect + read: 6 s).
 */
@TweetflowTest
@DirtiesContext // its workers stop with this class
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.2S",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.http.connect-timeout=PT1S",
        "tweetflow.http.read-timeout=PT2S"})
class PostgresArchiveSyncTest {

    @Autowired
    ConnectedMembers members;
    @Autowired
    ArchiveQueue queue;
    @Autowired
    MemberTokens tokens;
    @Autowired
    XSimulator x;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CallFailures failures;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry, "archive_sync");
    }

    @Test
    void queuedMemberIsSyncedWithItsTokenRenewedOnPostgres() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, Instant.now());
        String rejected = members.accessToken(Provider.X, "10000001");
        x.expireAccessToken(rejected);

        queue.queue(ada.id(), "connected");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM work_item",
                Integer.class) == 0);
        assertThat(members.state(ada.id())).isEqualTo("idle");
        assertThat(ArchiveMemberRouteTest.tweetIds(members.archive("10000001")))
                .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(XSimulator.SAM));
        assertThat(tokens.accessToken(ada.id(), Provider.X)).isNotEqualTo(rejected);
        assertThat(jdbc.queryForObject("SELECT tweets FROM archive_state WHERE member_id = ?", Long.class, ada.id()))
                .isEqualTo(x.reachableTweetIds(XSimulator.SAM).size());
    }

    /** X rotates refresh tokens: a second refresh with the spent one would be refused, and the member disconnected. */
    @Test
    void twoReplicasRenewingOneTokenAtOnceLeaveOneWorkingToken() throws Exception {
        Member bo = members.connect("10000002", XSimulator.SAM, Instant.now());
        String rejected = members.accessToken(Provider.X, "10000002");
        x.expireAccessToken(rejected);
        int refreshes = x.callCount("token");
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<String> renew = () -> {
            start.await();
            return tokens.renewedAccessToken(bo.id(), Provider.X, rejected);
        };
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = replicas.submit(renew);
            Future<String> second = replicas.submit(renew);

            assertThat(second.get()).isEqualTo(first.get()).isNotEqualTo(rejected);
        } finally {
            replicas.shutdownNow();
        }
        String renewed = tokens.accessToken(bo.id(), Provider.X);
        assertThat(new SandboxHttp(port).x("/2/users/me", renewed).statusCode()).isEqualTo(200);
        assertThat(x.callCount("token") - refreshes).as("the refresh token was spent once").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT state FROM archive_state WHERE member_id = ?", String.class, bo.id()))
                .doesNotContain("needs_reconnect");
    }

    @Test
    // without a bound the call would wait for the holder forever
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRefreshWaitsForAStuckHolderOfTheTokenAsLongAsARefreshMayTakeThenFailsAsAnOutage() throws Exception {
        Member cy = members.connect("10000003", XSimulator.SAM, Instant.now());
        try (Connection stuck = dataSource.getConnection()) {
            stuck.setAutoCommit(false);
            try (PreparedStatement lock = stuck.prepareStatement(
                    "SELECT version FROM oauth_token WHERE member_id = ? AND provider = ? FOR UPDATE")) {
                lock.setLong(1, cy.id());
                lock.setString(2, Provider.X.registrationId());
                lock.executeQuery().close();
            }

            assertThatThrownBy(() -> tokens.accessToken(cy.id(), Provider.X))
                    .isInstanceOf(TokenBusyException.class)
                    .satisfies(busy -> assertThat(failures.of(busy).kind()).isEqualTo(CallFailure.Kind.OUTAGE));
            stuck.rollback();
        }
        // the holder gone, the token is there for the next call
        assertThat(tokens.accessToken(cy.id(), Provider.X)).isEqualTo(members.accessToken(Provider.X, "10000003"));
    }
}
