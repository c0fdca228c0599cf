package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;

/** The durable queue and this replica's workers: queued syncs run, side by side, and survive a dead worker. */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.workers=3",
        "tweetflow.archive.poll-interval=PT0.2S",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.latency=PT0.2S"})
class ArchiveWorkersTest {

    @Autowired
    ArchiveQueue queue;
    @Autowired
    XSimulator x;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxFaults faults;
    @Autowired
    ConnectedMembers members;

    @AfterEach
    void forget() {
        faults.clear();
        members.forgetAll();
    }

    @Test
    void queuedMembersAreSyncedSideBySideAndLeaveTheQueue() {
        Instant now = Instant.now();
        List<Member> connected = List.of(members.connect("10000001", XSimulator.SANDY, now),
                members.connect("10000002", XSimulator.SAM, now), members.connect("10000003", XSimulator.EMMA, now));

        connected.forEach(member -> queue.queue(member.id(), "connected"));

        int[] mostAtOnce = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            mostAtOnce[0] = Math.max(mostAtOnce[0], jdbc.queryForObject(
                    "SELECT COUNT(*) FROM archive_state WHERE state = 'syncing'", Integer.class));
            return jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Integer.class) == 0;
        });
        assertThat(mostAtOnce[0]).as("members synced side by side").isEqualTo(3);
        for (Member member : connected) {
            assertThat(members.state(member.id())).isEqualTo("idle");
            assertThat(members.archiveFiles(member.projectMemberId())).hasSize(1);
        }
    }

    @Test
    void failedSyncLeavesTheQueueWithItsReasonShown() {
        Member ada = members.connect("10000001", XSimulator.SAM, Instant.now());
        faults.inject(Fault.malformed("GET", "/x/2/users/*/tweets"));

        queue.queue(ada.id(), "connected");

        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(members.state(ada.id())));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM work_item",
                Integer.class) == 0);
        assertThat(members.detail(ada.id())).contains("malformed");
    }

    @Test
    void workerWhoseLeaseWasTakenOverStopsBeforeUploading() {
        Member ada = members.connect("10000001", XSimulator.SANDY, Instant.now());
        queue.queue(ada.id(), "connected");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT week_index FROM archive_state WHERE member_id = ?", Integer.class, ada.id()) != null);

        jdbc.update("UPDATE work_item SET lease_owner = 'another-replica' WHERE subject_id = ?", ada.id());

        int[] calls = {-1};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int now = x.callCount("users/tweets");
            boolean stopped = now == calls[0];
            calls[0] = now;
            return stopped;
        });
        assertThat(members.archiveFiles("10000001")).as("nothing uploaded by the worker that lost its lease").isEmpty();
        assertThat(jdbc.queryForObject("SELECT lease_owner FROM work_item WHERE subject_id = ?", String.class,
                ada.id())).isEqualTo("another-replica");
    }

    @Test
    void syncOfAWorkerThatDiedIsTakenOverWhenItsLeaseExpires() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, Instant.now());
        jdbc.update("""
                INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at, lease_owner, lease_until, attempts)
                VALUES ('archive', ?, 'connected', ?, ?, 'replica-killed-mid-sync', ?, 1)""", ada.id(),
                Timestamp.from(Instant.now().minusSeconds(300)), Timestamp.from(Instant.now().minusSeconds(300)),
                Timestamp.from(Instant.now().minusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM work_item",
                Integer.class) == 0);

        assertThat(members.state(ada.id())).isEqualTo("idle");
        assertThat(ArchiveMemberRouteTest.tweetIds(members.archive(ada.projectMemberId()))).containsExactlyInAnyOrderElementsOf(
                x.reachableTweetIds(XSimulator.SAM));
    }
}
