package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WeekPlannerTest {

    // Wednesday of 2026-W48
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final WeekPlanner planner = new WeekPlanner(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isoWeeksRunFromMondayMidnightUtc() {
        IsoWeek week = IsoWeek.of(Instant.parse("2024-05-05T23:59:59Z"));

        assertThat(week).hasToString("2024-W18");
        assertThat(week.start()).isEqualTo(Instant.parse("2024-04-29T00:00:00Z"));
        assertThat(week.end()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));
        assertThat(IsoWeek.of(Instant.parse("2021-01-03T12:00:00Z"))).hasToString("2020-W53");
        assertThat(IsoWeek.parse("2020-W53").next()).hasToString("2021-W01");
    }

    @Test
    void firstSyncPlansEveryWeekSinceTheAccountBeganInCappedRanges() {
        List<WeekRange> ranges = planner.dueRanges(Map.of(), Instant.parse("2026-08-05T00:00:00Z"), 10);

        assertThat(ranges).extracting(WeekRange::toString)
                .containsExactly("2026-W32..2026-W41", "2026-W42..2026-W48");
    }

    @Test
    void weeksFetchedAfterTheyEndedAreNotFetchedAgain() {
        Map<IsoWeek, Instant> fetched = new HashMap<>();
        fetched.put(IsoWeek.parse("2026-W45"), Instant.parse("2026-11-20T08:00:00Z"));
        fetched.put(IsoWeek.parse("2026-W46"), Instant.parse("2026-11-20T08:00:00Z"));
        fetched.put(IsoWeek.parse("2026-W47"), Instant.parse("2026-11-20T08:00:00Z"));

        List<WeekRange> ranges = planner.dueRanges(fetched, Instant.parse("2026-11-02T00:00:00Z"), 52);

        // W47 was fetched during itself: incomplete; W48 is the current week.
        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W47..2026-W48");
    }

    @Test
    void aGapInTheMiddleBecomesItsOwnRange() {
        Map<IsoWeek, Instant> fetched = new HashMap<>();
        Instant later = Instant.parse("2026-11-24T00:00:00Z");
        for (String week : List.of("2026-W44", "2026-W46", "2026-W47")) {
            fetched.put(IsoWeek.parse(week), later);
        }

        List<WeekRange> ranges = planner.dueRanges(fetched, Instant.parse("2026-10-26T00:00:00Z"), 52);

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W45", "2026-W48");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(ranges.get(0).end()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
    }
}
