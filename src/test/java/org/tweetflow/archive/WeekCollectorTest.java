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
        WeekCollector collector = new WeekCollector(W40_TO_W44);
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
                IsoWeek.parse("2026-W47").start(), FETCHED.minusSeconds(60));
        WeekCollector collector = new WeekCollector(untilWednesday);
        collector.add(page(tweet("5", "2026-11-24T08:00:00Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.finished(FETCHED);

        assertThat(weeks.get(IsoWeek.parse("2026-W47")).complete()).isTrue();
        assertThat(weeks.get(IsoWeek.parse("2026-W48")).complete()).isFalse();
    }

    @Test
    void interruptedRangeKeepsOnlyWeeksNewerThanTheOldestPostSeen() {
        WeekCollector collector = new WeekCollector(W40_TO_W44);
        collector.add(page(tweet("5", "2026-10-27T08:00:00Z"), tweet("3", "2026-10-14T08:00:00Z")));

        Map<IsoWeek, FetchedWeek> weeks = collector.interrupted(FETCHED);

        // W42 holds the oldest post seen and may have more on the next page: it is fetched again later.
        assertThat(weeks.keySet()).extracting(IsoWeek::toString).containsExactly("2026-W43", "2026-W44");
    }

    @Test
    void interruptedBeforeAnyPostKeepsNothing() {
        assertThat(new WeekCollector(W40_TO_W44).interrupted(FETCHED)).isEmpty();
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
