package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;

@TweetflowTest
@TestPropertySource(properties = "tweetflow.archive.schedule=0/1 * * * * ?")
class ArchiveScanRouteTest {

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void quartzScanQueuesStaleAndNeverSyncedMembersOnlyOnce() {
        Instant now = Instant.now();
        long neverSynced = member("101", "1400000000000000001", null, "idle");
        long stale = member("102", "1400000000000000002", now.minus(Duration.ofDays(5)), "idle");
        member("103", "1400000000000000003", now.minus(Duration.ofDays(1)), "idle");
        member("104", null, null, null);
        member("105", "1400000000000000005", null, "needs_reconnect");

        NotifyBuilder twoScans = new NotifyBuilder(camel).fromRoute("archive-scan").whenCompleted(2).create();
        assertThat(twoScans.matches(10, TimeUnit.SECONDS)).isTrue();

        assertThat(jdbc.queryForList("SELECT subject_id FROM work_item WHERE kind = 'archive' ORDER BY subject_id",
                Long.class)).as("fresh, unconnected and needs-reconnect members stay out; nobody twice")
                .containsExactly(neverSynced, stale);
        assertThat(jdbc.queryForObject("SELECT state FROM archive_state WHERE member_id = ?", String.class, stale))
                .isEqualTo("queued");
    }

    /** One transaction, so the scan (every second) sees the member only together with its state. */
    private long member(String projectMemberId, String twitterUserId, Instant lastComplete, String state) {
        return transaction.execute(status -> insertMember(projectMemberId, twitterUserId, lastComplete, state));
    }

    private long insertMember(String projectMemberId, String twitterUserId, Instant lastComplete, String state) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO member (project_member_id, twitter_user_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
                projectMemberId, twitterUserId, now, now);
        long id = jdbc.queryForObject("SELECT id FROM member WHERE project_member_id = ?", Long.class, projectMemberId);
        if (state != null) {
            jdbc.update("INSERT INTO archive_state (member_id, state, last_complete_at, updated_at) VALUES (?, ?, ?, ?)",
                    id, state, lastComplete == null ? null : Timestamp.from(lastComplete), now);
        }
        return id;
    }
}
