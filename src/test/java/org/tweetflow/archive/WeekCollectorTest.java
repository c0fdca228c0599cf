package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tweetflow.twitter.Includes;
import org.tweetflow.twitter.TimelinePage;

class WeekCollectorTest {

    static final Instant FETCHED = Instant.parse("2026-11-25T10:00:00Z");
    static final WeekRange W40_TO_W44 = WeekRange.of(IsoWeek.parse("2026-W40"), IsoWeek.parse("2026-W44"));

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void finishedRangeYieldsEveryWeekIncludingEmptyOnes() {
        WeekCollector collector = new WeekCollector(W40_TO_W44, FETCHED);
        collector.add(page(tweet("5", "2026-10-27T08:00:00Z"), tweet("4", "2026-10-26T08:00:00Z")));
        collector.add(page(tweet("1", "2026-09-29T08:00:00Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.finished(FETCHED);

        assertThat(weeks.keySet()).extracting(IsoWeek::toString)
                .containsExactly("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44");
        assertThat(weeks.get(IsoWeek.parse("2026-W44")).tweets()).extracting(t -> t.path("id").asText())
                .containsExactly("5", "4");
        assertThat(weeks.get(IsoWeek.parse("2026-W42")).tweets()).isEmpty();
        assertThat(weeks.values()).allMatch(FetchedWeek::complete);
    }

    @Test
    void aWeekTheRangeStopsShortOfIsNotComplete() {
        WeekRange untilWednesday = new WeekRange(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W48"),
                IsoWeek.parse("2026-W47").start(), FETCHED.minusSeconds(60), null);
        WeekCollector collector = new WeekCollector(untilWednesday, FETCHED);
        collector.add(page(tweet("5", "2026-11-24T08:00:00Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.finished(FETCHED);

        assertThat(weeks.get(IsoWeek.parse("2026-W47")).complete()).isTrue();
        assertThat(weeks.get(IsoWeek.parse("2026-W48")).complete()).isFalse();
    }

    @Test
    void aRangeWithoutAnEndMakesWholeTheWeeksThatEndedAMinuteBeforeItsFirstPage() {
        WeekRange toNow = new WeekRange(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W48"),
                IsoWeek.parse("2026-W47").start(), null, null);
        WeekCollector collector = new WeekCollector(toNow, FETCHED);
        collector.add(page(tweet("5", "2026-11-25T09:59:45Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.finished(FETCHED);

        assertThat(weeks.get(IsoWeek.parse("2026-W47")).complete()).isTrue();
        assertThat(weeks.get(IsoWeek.parse("2026-W48")).complete()).as("the current week").isFalse();
        assertThat(weeks.get(IsoWeek.parse("2026-W48")).tweets()).extracting(t -> t.path("id").asText())
                .containsExactly("5");
    }

    @Test
    void interruptedRangeKeepsTheWholeWeeksAndTheWeekOfTheOldestPostSeenMarkedToGoOnBelowIt() {
        WeekCollector collector = new WeekCollector(W40_TO_W44, FETCHED);
        collector.add(page(tweet("5", "2026-10-27T08:00:00Z"), tweet("4", "2026-10-15T08:00:00Z"),
                tweet("3", "2026-10-14T08:00:00Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.interrupted(FETCHED);

        assertThat(weeks.keySet()).extracting(IsoWeek::toString).containsExactly("2026-W42", "2026-W43", "2026-W44");
        FetchedWeek stoppedIn = weeks.get(IsoWeek.parse("2026-W42"));
        assertThat(stoppedIn.complete()).isFalse();
        assertThat(stoppedIn.resumeUntilId()).isEqualTo("3");
        assertThat(stoppedIn.tweets()).extracting(t -> t.path("id").asText()).containsExactly("4", "3");
        assertThat(weeks.get(IsoWeek.parse("2026-W43")).complete()).isTrue();
        assertThat(weeks.get(IsoWeek.parse("2026-W43")).resumeUntilId()).isNull();
    }

    @Test
    void interruptedInTheCurrentWeekKeepsNothingOfIt() {
        WeekRange toNow = new WeekRange(IsoWeek.parse("2026-W47"), IsoWeek.parse("2026-W48"),
                IsoWeek.parse("2026-W47").start(), null, null);
        WeekCollector collector = new WeekCollector(toNow, FETCHED);
        collector.add(page(tweet("5", "2026-11-25T09:00:00Z"), tweet("4", "2026-11-24T09:00:00Z")));

        // its newest posts are still to come: the next sync fetches it again from its start
        assertThat(collector.interrupted(FETCHED)).isEmpty();
    }

    @Test
    void aResumedRangeMakesItsLastWeekWholeOnceFinished() {
        WeekRange below = new WeekRange(IsoWeek.parse("2026-W40"), IsoWeek.parse("2026-W42"),
                IsoWeek.parse("2026-W40").start(), null, "3");
        WeekCollector collector = new WeekCollector(below, FETCHED);
        collector.add(page(tweet("2", "2026-10-13T08:00:00Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.finished(FETCHED);

        assertThat(weeks.values()).allMatch(FetchedWeek::complete);
        assertThat(weeks.get(IsoWeek.parse("2026-W42")).tweets()).extracting(t -> t.path("id").asText())
                .containsExactly("2");
    }

    @Test
    void interruptedBeforeAnyPostKeepsNothing() {
        assertThat(new WeekCollector(W40_TO_W44, FETCHED).interrupted(FETCHED)).isEmpty();
    }

    private TimelinePage page(JsonNode... tweets) {
        JsonNode sam = mapper.createObjectNode().put("id", "1400000000000000002").put("username", "small_sam");
        return new TimelinePage(List.of(tweets), new Includes().add(mapper.createObjectNode()
                .set("users", mapper.createArrayNode().add(sam))), null);
    }

    private JsonNode tweet(String id, String createdAt) {
        return mapper.createObjectNode().put("id", id).put("text", "post " + id).put("created_at", createdAt);
    }
}
