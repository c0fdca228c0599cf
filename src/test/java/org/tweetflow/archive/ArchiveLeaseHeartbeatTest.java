package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.work.WorkLeases;

/**
 * A sync keeps its lease while its replica lives, however long one step takes (the upload of a large archive): the
 * replica's heartbeat renews it. Same settings as {@link ProviderOutageTest}, so both share one application context.
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.1S",
        "tweetflow.http.max-retries=2", "tweetflow.http.read-timeout=PT1S", "tweetflow.archive.retry-delay=PT1M",
        "tweetflow.archive.retry-delay-max=PT1H",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.simulation.window=PT15M"})
class ArchiveLeaseHeartbeatTest {

    @Autowired
    ArchiveQueue queue;
    @Autowired
    ArchiveWorkers workers;
    @Autowired
    WorkLeases leases;
    @Autowired
    MutableClock clock;
    @Autowired
    SandboxFaults faults;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectedMembers members;
    @Autowired
    TweetflowProperties properties;

    Instant started;

    @BeforeEach
    void rememberTheTime() {
        started = clock.instant();
    }

    @AfterEach
    void forget() {
        faults.clear();
        clock.set(started);
        members.forgetAll();
    }

    @Test
    void anUploadThatOutlastsTheLeaseKeepsItWhileTheReplicaRenewsIt() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        SandboxFaults.Hold upload = faults.hold("PUT", "/openhumans/storage/**");
        queue.queue(ada.id(), "connected");
        assertThat(upload.awaitTaken()).as("the sync uploads").isTrue();

        // eight minutes of upload, past the five-minute lease, with this replica's heartbeat every minute
        for (int minute = 1; minute <= 8; minute++) {
            clock.set(clock.instant().plus(Duration.ofMinutes(1)));
            workers.renewLeases();
        }
        boolean otherReplica = leases.claimNext(ArchiveQueue.KIND, "other-replica#1", properties.archive().lease())
                .isPresent();
        upload.release();

        assertThat(otherReplica).as("another replica's worker").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM work_item",
                Integer.class) == 0);
        assertThat(members.state(ada.id())).isEqualTo("idle");
        assertThat(members.archiveFiles(ada.projectMemberId())).hasSize(1);
    }
}
