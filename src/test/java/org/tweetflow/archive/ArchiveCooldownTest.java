package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * The seed's worked example, with one range for the ten due weeks: X allows one timeline call a window here, so the
 * budget stops the sync after the first page (the newest hundred posts); what is whole is kept, and the week of the
 * oldest post seen with a mark to go on below it.
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=1", "tweetflow.simulation.window=PT15M"})
class ArchiveCooldownTest {

    static final String ADA = "10000001";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    XSimulator x;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectedMembers members;

    @BeforeEach
    void resetCounts() {
        x.resetCounts();
    }

    @AfterEach
    void forget() {
        members.forgetAll();
    }

    @Test
    void rateLimitMidRangeKeepsTheWeeksDownToTheOldestPostSeenAndTheResumedSyncsEqualAnUninterruptedOne()
            throws Exception {
        IsoWeek week1 = IsoWeek.of(clock.instant().minus(Duration.ofDays(63)));
        Member ada = members.connect(ADA, XSimulator.SANDY, week1.start(), clock.instant());
        List<IsoWeek> tenWeeks = WeekRange.of(week1, IsoWeek.of(clock.instant())).weeks();
        assertThat(tenWeeks).hasSize(10);

        SyncOutcome stopped = sync(ada);

        assertThat(stopped.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(x.callCount("users/tweets")).as("no call beyond the budget").isEqualTo(1);
        List<IsoWeek> kept = weeks(members.archive(ADA));
        assertThat(kept).as("the newest weeks").isNotEmpty()
                .containsExactlyElementsOf(tenWeeks.subList(10 - kept.size(), 10));
        JsonNode stoppedIn = members.archive(ADA).path("weeks").get(0);
        assertThat(stoppedIn.path("complete").asBoolean()).as("the week of the oldest post seen").isFalse();
        assertThat(stoppedIn.path("resume_until_id").asText()).as("the oldest post seen")
                .isEqualTo(stoppedIn.path("tweets").get(stoppedIn.path("tweets").size() - 1).path("id").asText());
        assertPostsAreThoseXServes(members.archive(ADA));
        assertThat(members.state(ada.id())).isEqualTo("cooling_down");
        assertThat(jdbc.queryForObject("SELECT cooldown_until FROM archive_state WHERE member_id = ?", Instant.class,
                ada.id())).isEqualTo(stopped.notBefore()).isAfter(clock.instant());

        SyncOutcome resumed = stopped;
        int resumes = 0;
        for (; resumes < 5 && resumed.kind() == SyncOutcome.Kind.COOLING_DOWN; resumes++) {
            clock.set(resumed.notBefore()); // exactly at the end of the cooldown: X's window has rolled by then
            resumed = sync(ada);
        }

        assertThat(resumed.kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        JsonNode archive = members.archive(ADA);
        assertThat(weeks(archive)).containsExactlyElementsOf(tenWeeks);
        assertPostsAreThoseXServes(archive);
        List<String> all = ConnectedMembers.reachableIn(x, XSimulator.SANDY, week1.start(), clock.instant());
        assertThat(ArchiveMemberRouteTest.tweetIds(archive)).as("every post, the open week's too")
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(x.callCount("users/tweets")).as("each resume asks only for what is missing")
                .isLessThanOrEqualTo((all.size() + 99) / 100 + 2 * resumes);
        assertThat(members.archiveFiles(ADA)).hasSize(1);
        assertThat(members.state(ada.id())).isEqualTo("idle");
    }

    @Test
    void weekTotalTheDashboardShowsStaysTheSameFromTheStartOfTheSyncToItsEnd() {
        IsoWeek week1 = IsoWeek.of(clock.instant().minus(Duration.ofDays(63)));
        Member ada = members.connect(ADA, XSimulator.SANDY, week1.start(), clock.instant());

        SyncOutcome part = sync(ada);
        List<Integer> totals = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        for (int parts = 0; parts < 6 && part.kind() == SyncOutcome.Kind.COOLING_DOWN; parts++) {
            totals.add(jdbc.queryForObject("SELECT week_count FROM archive_state WHERE member_id = ?", Integer.class,
                    ada.id()));
            done.add(jdbc.queryForObject("SELECT week_index FROM archive_state WHERE member_id = ?", Integer.class,
                    ada.id()));
            clock.set(part.notBefore());
            part = sync(ada);
        }

        assertThat(part.kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        assertThat(totals).as("week k of n: n after each cooldown").isNotEmpty().containsOnly(10);
        assertThat(done).as("k never goes back").isSorted();
    }

    private void assertPostsAreThoseXServes(JsonNode archive) {
        for (JsonNode week : archive.path("weeks")) {
            IsoWeek id = IsoWeek.parse(week.path("week").asText());
            List<String> ids = new ArrayList<>();
            week.path("tweets").forEach(tweet -> ids.add(tweet.path("id").asText()));
            if (week.path("complete").asBoolean()) {
                assertThat(ids).as("posts of %s", id).containsExactlyInAnyOrderElementsOf(
                        ConnectedMembers.reachableIn(x, XSimulator.SANDY, id.start(), id.end()));
            }
        }
    }

    private SyncOutcome sync(Member member) {
        return camel.requestBody("direct:archive-member", member.id(), SyncOutcome.class);
    }

    private static List<IsoWeek> weeks(JsonNode archive) {
        List<IsoWeek> weeks = new ArrayList<>();
        archive.path("weeks").forEach(week -> weeks.add(IsoWeek.parse(week.path("week").asText())));
        return weeks;
    }
}
