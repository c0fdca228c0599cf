package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.member.Members;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * "Disconnect X and delete my archive": the archive counts as gone only once Open Humans confirmed the deletion,
 * and a deletion Open Humans did not confirm is asked for again after the outage.
 */
@TweetflowTest
@Import(TestClock.class)
class ArchiveDeletionsTest {

    static final String CLEO = "10000003";
    /** More failures than the redeliveries of one attempt: the attempt fails whatever the retry settings. */
    static final int OUTAGE = 30;

    @Autowired
    ConnectedMembers connected;
    @Autowired
    MemberAccount account;
    @Autowired
    Members members;
    @Autowired
    ArchiveStates states;
    @Autowired
    ArchiveQueue queue;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    SandboxFaults faults;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TweetflowProperties properties;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    CamelContext camelContext;

    Member cleo;
    long fileId;

    @BeforeEach
    void connectedWithAnArchive() {
        cleo = connected.connect(CLEO, XSimulator.SAM, clock.instant());
        fileId = openHumans.addFile(CLEO, ArchiveFile.BASENAME,
                "{\"description\":\"X posts\",\"tags\":[\"twitter\"]}", "{}".getBytes(StandardCharsets.UTF_8)).id();
        states.idle(cleo.id());
        jdbc.update("UPDATE archive_state SET tweets = 12, weeks = 3, oh_file_id = ?, last_complete_at = ? "
                + "WHERE member_id = ?", Long.toString(fileId), Timestamp.from(clock.instant()), cleo.id());
    }

    @AfterEach
    void forget() {
        faults.clear();
        connected.forgetAll();
    }

    @Test
    void deletionOpenHumansConfirmsEmptiesTheArchiveAtOnce() {
        boolean deleted = account.disconnectTwitter(cleo, true);

        assertThat(deleted).isTrue();
        assertThat(connected.archiveFiles(CLEO)).isEmpty();
        assertThat(archived()).isEqualTo(new Archived(0, null));
        assertThat(account.archiveDeletionPending(cleo)).isFalse();
    }

    @Test
    void archiveOpenHumansDidNotConfirmDeletingIsStillReportedAsPresent() {
        openHumansDeletesNothing();

        boolean deleted = account.disconnectTwitter(cleo, true);

        assertThat(deleted).isFalse();
        assertThat(connected.archiveFiles(CLEO)).hasSize(1);
        assertThat(archived()).isEqualTo(new Archived(12, Long.toString(fileId)));
        assertThat(account.archiveDeletionPending(cleo)).isTrue();
    }

    @Test
    void syncUploadingAfterTheRequestWithdrawsItsFileAlthoughOpenHumansHasNotConfirmedYet() throws Exception {
        // the sync's upload is held at its last step, past the check that the member is still connected
        Fault slowCompletion = Fault.delay("POST", "/openhumans/api/direct-sharing/project/files/upload/complete/",
                Duration.ofSeconds(5));
        faults.inject(slowCompletion);
        openHumans.resetCounts();
        CompletableFuture<SyncOutcome> sync = CompletableFuture.supplyAsync(
                () -> camel.requestBody("direct:archive-member", cleo.id(), SyncOutcome.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> !faults.isPending(slowCompletion));

        openHumansDeletesNothing();
        account.disconnectTwitter(cleo, true);
        faults.clear();
        SyncOutcome outcome = sync.get(30, TimeUnit.SECONDS);

        assertThat(outcome.detail()).isEqualTo("cancelled: the member deleted the archive");
        assertThat(openHumans.callCount("complete")).as("the upload was completed").isEqualTo(1);
        assertThat(connected.archiveFiles(CLEO)).as("only the archive whose deletion is pending")
                .extracting(SimulatedFile::id).containsExactly(fileId);
        assertThat(account.archiveDeletionPending(cleo)).isTrue();
    }

    @Test
    void deletionOpenHumansDidNotConfirmIsAskedForAgainAfterTheOutage() {
        openHumansDeletesNothing();
        account.disconnectTwitter(cleo, true);

        faults.clear();
        assertNotAskedForAgainBeforeTheRetryDelay();
        clock.advance(properties.archive().retryDelayAfter(1).plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> !account.archiveDeletionPending(cleo));
        assertThat(connected.archiveFiles(CLEO)).isEmpty();
        assertThat(archived()).isEqualTo(new Archived(0, null));
    }

    @Test
    void memberWhoConnectsXAgainMeanwhileIsSyncedOnlyOnceTheArchiveIsGone() {
        openHumansDeletesNothing();
        account.disconnectTwitter(cleo, true);
        members.connectTwitter(cleo.id(), XSimulator.SAM, "small_sam", "Sam", Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(queue.queue(cleo.id(), "connected")).as("queued while the archive is being deleted").isFalse();

        faults.clear();
        clock.advance(properties.archive().retryDelayAfter(1).plusSeconds(1));
        // the deletion is marked done before the sync is queued: wait for the queueing, then check both
        await().atMost(Duration.ofSeconds(30)).until(() -> queuedSyncs(cleo) > 0);
        assertThat(queuedSyncs(cleo)).isEqualTo(1);
        assertThat(account.archiveDeletionPending(cleo)).isFalse();
    }

    private int queuedSyncs(Member member) {
        return jdbc.queryForObject("SELECT count(*) FROM work_item WHERE kind = ? AND subject_id = ?",
                Integer.class, ArchiveQueue.KIND, member.id());
    }

    /** Open Humans would delete now, but the retry waits for its delay: the deletion stays pending meanwhile. */
    private void assertNotAskedForAgainBeforeTheRetryDelay() {
        int deletes = openHumans.callCount("delete");
        NotifyBuilder threePolls = new NotifyBuilder(camelContext).fromRoute("retry-archive-deletions")
                .whenCompleted(3).create();
        assertThat(threePolls.matches(30, TimeUnit.SECONDS)).as("the retries polled").isTrue();
        assertThat(account.archiveDeletionPending(cleo)).isTrue();
        assertThat(connected.archiveFiles(CLEO)).hasSize(1);
        assertThat(openHumans.callCount("delete")).as("no delete asked for before the delay").isEqualTo(deletes);
    }

    private void openHumansDeletesNothing() {
        for (int i = 0; i < OUTAGE; i++) {
            faults.inject(Fault.status("POST", "/openhumans/api/direct-sharing/project/files/delete/", 503,
                    "{\"detail\":\"Service unavailable\"}"));
        }
    }

    /** What the dashboard shows about the archive: its posts and its file on Open Humans. */
    private Archived archived() {
        return jdbc.queryForObject("SELECT tweets, oh_file_id FROM archive_state WHERE member_id = ?",
                (rs, n) -> new Archived(rs.getLong(1), rs.getString(2)), cleo.id());
    }

    record Archived(long tweets, String fileId) {
    }
}
