package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.work.WorkItem;

/**
 * A sync that goes on from what earlier ones left: the pages of X a rate limit stopped (twelve timeline calls a
 * window here), and the archive files an interrupted replacement or overlapping syncs left on Open Humans.
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=12", "tweetflow.simulation.window=PT15M"})
class ArchiveResumeTest {

    static final String ADA = "10000001";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    XSimulator x;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    SandboxFaults faults;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectedMembers members;

    @BeforeEach
    void resetCounts() {
        x.resetCounts();
        openHumans.resetCounts();
    }

    @AfterEach
    void forget() {
        faults.clear();
        members.forgetAll();
    }

    @Test
    void firstSyncOfThe3200NewestPostsOverThreeWindowsCostsAtMost33TimelineCalls() throws Exception {
        Member ada = members.connect(ADA, XSimulator.VETERAN, clock.instant());
        List<Integer> callsPerWindow = new ArrayList<>();

        SyncOutcome outcome = sync(ada);
        callsPerWindow.add(x.callsInWindow("users/tweets", XSimulator.VETERAN));
        while (outcome.kind() == SyncOutcome.Kind.COOLING_DOWN && callsPerWindow.size() < 10) {
            clock.set(outcome.notBefore());
            outcome = sync(ada);
            callsPerWindow.add(x.callsInWindow("users/tweets", XSimulator.VETERAN));
        }

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        assertThat(ArchiveMemberRouteTest.tweetIds(members.archive(ADA))).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(XSimulator.VETERAN));
        assertThat(callsPerWindow).as("timeline calls in each window").hasSize(3);
        assertThat(callsPerWindow.stream().mapToInt(Integer::intValue).sum()).as("calls in %s", callsPerWindow)
                .isLessThanOrEqualTo(33);
    }

    @Test
    void aPostOnlyAnOlderArchiveFileHeldSurvivesTheSyncThatReplacesEveryFile() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        IsoWeek early = IsoWeek.of(ada.twitterCreatedAt().plus(Duration.ofDays(8)));
        String onlyInTheOlder = addArchiveFile(early);
        String onlyInTheNewer = addArchiveFile(early.next());
        List<Long> left = fileIds();

        assertThat(sync(ada).kind()).isEqualTo(SyncOutcome.Kind.SYNCED);

        assertThat(members.archiveFiles(ADA)).hasSize(1).extracting(SimulatedFile::id).doesNotContainAnyElementsOf(left);
        assertThat(ArchiveMemberRouteTest.tweetIds(members.archive(ADA))).doesNotHaveDuplicates()
                .contains(onlyInTheOlder, onlyInTheNewer);
        assertThat(openHumans.callCount("delete")).as("every file it merged, by id").isEqualTo(2);
    }

    @Test
    void aSyncThatLostItsLeaseDuringTheUploadDeletesNoArchiveFile() throws Exception {
        Member ada = members.connect(ADA, XSimulator.SAM, clock.instant());
        IsoWeek early = IsoWeek.of(ada.twitterCreatedAt().plus(Duration.ofDays(8)));
        addArchiveFile(early);
        addArchiveFile(early.next());
        List<Long> left = fileIds();
        WorkItem item = claimed(ada);
        faults.inject(Fault.delay("PUT", "/openhumans/storage/**", Duration.ofSeconds(3)));
        var running = camel.asyncSend("direct:archive-member", exchange -> {
            exchange.getMessage().setBody(ada.id());
            exchange.setProperty(TweetflowExchange.WORK_ITEM, item);
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> openHumans.callCount("upload-direct") == 1);

        jdbc.update("UPDATE work_item SET lease_owner = 'another-replica' WHERE id = ?", item.id());

        Exchange ended = running.get(30, TimeUnit.SECONDS);
        assertThat(fileIds()).containsAll(left);
        assertThat(openHumans.callCount("delete")).isZero();
        assertThat(ended.getMessage().getBody(SyncOutcome.class).detail()).contains("taken over");
    }

    /**
     * An archive file of Sam's as an earlier sync left it: one complete week holding one post that X no longer
     * serves. Returns the post's id.
     */
    private String addArchiveFile(IsoWeek week) {
        Instant at = week.start().plus(Duration.ofHours(10));
        String id = Long.toString(((at.toEpochMilli() - XSimulator.TWITTER_EPOCH) << 22) | 7);
        String archive = """
                {"format":"tweetflow.twitter-archive/1",
                 "account":{"id":"%s","username":"small_sam","name":"Small Sam"},"updated_at":"%s",
                 "weeks":[{"week":"%s","start":"%s","end":"%s","complete":true,"fetched_at":"%s",
                   "tweets":[{"id":"%s","text":"deleted on X since","created_at":"%s","author_id":"%s",
                     "edit_history_tweet_ids":["%s"]}],
                   "includes":{}}]}""".formatted(XSimulator.SAM, clock.instant(), week, week.start(), week.end(),
                week.end(), id, at, XSimulator.SAM, id);
        openHumans.addFile(ADA, ArchiveFile.BASENAME, "{\"description\":\"archive\",\"tags\":[\"tweetflow\"]}",
                archive.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private List<Long> fileIds() {
        return members.archiveFiles(ADA).stream().map(SimulatedFile::id).toList();
    }

    /** The member's sync as a worker of this replica claimed it. */
    private WorkItem claimed(Member member) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp later = Timestamp.from(clock.instant().plus(Duration.ofHours(1)));
        jdbc.update("""
                INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at, lease_owner, lease_until, attempts)
                VALUES (?, ?, 'sync-now', ?, ?, 'this-worker', ?, 1)""", ArchiveQueue.KIND, member.id(), later, now,
                later);
        long id = jdbc.queryForObject("SELECT id FROM work_item WHERE subject_id = ?", Long.class, member.id());
        return new WorkItem(id, ArchiveQueue.KIND, member.id(), "sync-now", 1, "this-worker");
    }

    private SyncOutcome sync(Member member) {
        return camel.requestBody("direct:archive-member", member.id(), SyncOutcome.class);
    }
}
