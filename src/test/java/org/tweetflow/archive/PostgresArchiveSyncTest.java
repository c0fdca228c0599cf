package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TestPostgres;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.security.MemberTokens;
import org.tweetflow.tokens.Provider;

/**
 * The archive job's SQL on a real PostgreSQL (14, started by the test): the queue, the leases, the row lock around
 * a token refresh, the member and state tables, through one whole sync taken off the queue by a worker.
 */
@TweetflowTest
@DirtiesContext // its workers stop with this class
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.2S",
        "tweetflow.simulation.timeline-limit=100000"})
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
}
