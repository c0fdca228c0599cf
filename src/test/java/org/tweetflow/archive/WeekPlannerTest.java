package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    void firstSyncPlansOneRangeFromTheAccountsFirstWeekHoweverLong() {
        List<WeekRange> ranges = planner.dueRanges(Set.of(), Map.of(), Map.of(), Instant.parse("2015-08-05T10:00:00Z"));

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2015-W32..2026-W48");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2015-08-03T00:00:00Z"));
    }

    @Test
    void anAccountOlderThanXsTimelineFloorIsAskedFromTwentyTenNovemberSixth() {
        List<WeekRange> ranges = planner.dueRanges(Set.of(), Map.of(), Map.of(), Instant.parse("2007-03-14T09:00:00Z"));

        assertThat(ranges).hasSize(1);
        assertThat(ranges.get(0).first()).hasToString("2010-W44");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2010-11-06T00:00:00Z"));
    }

    @Test
    void theNewestRangeHasNoEndSoThatItReachesThePostsOfTheLastSeconds() {
        WeekRange last = planner.dueRanges(Set.of(), Map.of(), Map.of(), Instant.parse("2026-11-02T00:00:00Z")).get(0);

        assertThat(last.end()).isNull();
        assertThat(last.reachesEndOf(IsoWeek.parse("2026-W47"), NOW)).isTrue();
        assertThat(last.reachesEndOf(IsoWeek.parse("2026-W48"), NOW)).as("the current week").isFalse();
    }

    @Test
    void aWeekBegunSecondsAgoIsAskedForFromAMinuteAgoWithoutAnEnd() {
        WeekPlanner mondayMorning = new WeekPlanner(Clock.fixed(Instant.parse("2026-11-30T00:00:30Z"),
                ZoneOffset.UTC));

        List<WeekRange> ranges = mondayMorning.dueRanges(Set.of(IsoWeek.parse("2026-W47"),
                IsoWeek.parse("2026-W48")), Map.of(), Map.of(), Instant.parse("2026-11-16T00:00:00Z"));

        // X refuses a start_time less than 10 s old; the posts of the minute before belong to W48, left out
        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W49");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2026-11-29T23:59:30Z"));
        assertThat(ranges.get(0).end()).isNull();
    }

    @Test
    void aWeekThatEndedSecondsAgoIsAskedForWithoutAnEnd() {
        WeekPlanner mondayMorning = new WeekPlanner(Clock.fixed(Instant.parse("2026-11-30T00:00:30Z"),
                ZoneOffset.UTC));

        List<WeekRange> ranges = mondayMorning.dueRanges(Set.of(), Map.of(), Map.of(),
                Instant.parse("2026-11-16T00:00:00Z"));

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W47..2026-W49");
        assertThat(ranges.get(0).end()).isNull();
        assertThat(ranges.get(0).reachesEndOf(IsoWeek.parse("2026-W48"), Instant.parse("2026-11-30T00:00:30Z")))
                .as("ended less than a minute before the first page: fetched again next time").isFalse();
    }

    @Test
    void aWeekARateLimitStoppedInEndsItsRangeWhichGoesOnBelowTheOldestPostFetched() {
        Set<IsoWeek> complete = Set.of(IsoWeek.parse("2026-W45"), IsoWeek.parse("2026-W46"),
                IsoWeek.parse("2026-W47"));

        List<WeekRange> ranges = planner.dueRanges(complete, Map.of(IsoWeek.parse("2026-W48"),
                Instant.parse("2026-11-24T18:00:00Z")), Map.of(IsoWeek.parse("2026-W44"), "1790000000000000000"),
                Instant.parse("2026-10-12T00:00:00Z"));

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W42..2026-W44", "2026-W48");
        assertThat(ranges.get(0).untilId()).isEqualTo("1790000000000000000");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2026-10-12T00:00:00Z"));
        assertThat(ranges.get(0).end()).as("until_id takes end_time's place").isNull();
        assertThat(ranges.get(1).untilId()).isNull();
    }

    @Test
    void completeWeeksAreNotFetchedAgain() {
        Set<IsoWeek> complete = Set.of(IsoWeek.parse("2026-W45"), IsoWeek.parse("2026-W46"));

        List<WeekRange> ranges = planner.dueRanges(complete, Map.of(), Map.of(), Instant.parse("2026-11-02T00:00:00Z"));

        // W47 was last fetched during itself, W48 is the current week: one range, one call when idle.
        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W47..2026-W48");
    }

    @Test
    void aGapInTheMiddleBecomesItsOwnRange() {
        Set<IsoWeek> complete = Set.of(IsoWeek.parse("2026-W44"), IsoWeek.parse("2026-W46"),
                IsoWeek.parse("2026-W47"));

        List<WeekRange> ranges = planner.dueRanges(complete, Map.of(), Map.of(), Instant.parse("2026-10-26T00:00:00Z"));

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W45", "2026-W48");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(ranges.get(0).end()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z"));
    }

    @Test
    void aPartlyFetchedWeekIsAskedForFromALittleBeforeItsLastFetchOnly() {
        Instant lastFetch = Instant.parse("2026-11-24T18:00:00Z");

        List<WeekRange> ranges = planner.dueRanges(Set.of(IsoWeek.parse("2026-W47")),
                Map.of(IsoWeek.parse("2026-W48"), lastFetch), Map.of(), Instant.parse("2026-11-16T00:00:00Z"));

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2026-W48");
        assertThat(ranges.get(0).start()).isEqualTo(lastFetch.minus(WeekPlanner.REFETCH_OVERLAP));
    }

    @Test
    void weeksAcrossTheIsoYearBoundaryFollowEachOther() {
        WeekPlanner newYear = new WeekPlanner(Clock.fixed(Instant.parse("2021-01-06T12:00:00Z"), ZoneOffset.UTC));

        List<WeekRange> ranges = newYear.dueRanges(Set.of(IsoWeek.parse("2020-W52")), Map.of(), Map.of(),
                Instant.parse("2020-12-21T00:00:00Z"));

        assertThat(ranges).extracting(WeekRange::toString).containsExactly("2020-W53..2021-W01");
        assertThat(ranges.get(0).start()).isEqualTo(Instant.parse("2020-12-28T00:00:00Z"));
    }
}
