package org.tweetflow.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Works out which weeks a sync must fetch: every week not yet complete, from the account's creation to now. A
 * week is complete once a fetch reached its end, so the current week and the week of the last fetch are always
 * fetched again (the seed's "drop the last partial week"), from a little before that fetch: what it held stays in
 * the archive, so only the posts since are asked for. Each contiguous run of due weeks is one range, however
 * long: X's pagination, not the range, bounds a call, so a first sync costs about one call per hundred posts and
 * an idle re-sync one call.
 */
@Component("weekPlanner")
public class WeekPlanner {

    /** X's timeline refuses any {@code start_time} or {@code end_time} before this (400). */
    public static final Instant TIMELINE_FLOOR = Instant.parse("2010-11-06T00:00:00Z");
    /** X refuses times less than 10 s before the request; a minute leaves room for clock skew. */
    public static final Duration BEFORE_NOW = Duration.ofMinutes(1);
    /**
     * How far before the last fetch of a partly fetched week its next fetch starts: that fetch reached a minute
     * before it began, and a sync takes far less than this from plan to upload.
     */
    public static final Duration REFETCH_OVERLAP = Duration.ofHours(6);

    private final Clock clock;

    public WeekPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param complete        the weeks the archive holds whole
     * @param partlyFetchedAt when the archive's other weeks were last fetched
     * @param since           the oldest instant worth asking for (the account's creation; null when unknown)
     * @return the due ranges, oldest first, within what X serves
     */
    public List<WeekRange> dueRanges(Set<IsoWeek> complete, Map<IsoWeek, Instant> partlyFetchedAt, Instant since) {
        Instant from = since == null || since.isBefore(TIMELINE_FLOOR) ? TIMELINE_FLOOR : since;
        Instant until = clock.instant().minus(BEFORE_NOW).truncatedTo(ChronoUnit.SECONDS);
        List<WeekRange> ranges = new ArrayList<>();
        IsoWeek open = null;
        IsoWeek previous = null;
        for (IsoWeek week = IsoWeek.of(from); week.start().isBefore(until); week = week.next()) {
            boolean due = !complete.contains(week);
            if (due && open == null) {
                open = week;
            } else if (!due && open != null) {
                ranges.add(range(open, previous, partlyFetchedAt.get(open), until));
                open = null;
            }
            previous = week;
        }
        if (open != null) {
            ranges.add(range(open, previous, partlyFetchedAt.get(open), until));
        }
        return ranges;
    }

    private static WeekRange range(IsoWeek first, IsoWeek last, Instant firstFetchedAt, Instant until) {
        Instant resumeAt = firstFetchedAt == null ? Instant.MIN : firstFetchedAt.minus(REFETCH_OVERLAP);
        Instant start = latest(first.start(), TIMELINE_FLOOR, resumeAt.isBefore(until) ? resumeAt : Instant.MIN);
        Instant end = last.end().isAfter(until) ? until : last.end();
        return new WeekRange(first, last, start, end);
    }

    private static Instant latest(Instant... instants) {
        Instant latest = instants[0];
        for (Instant instant : instants) {
            latest = instant.isAfter(latest) ? instant : latest;
        }
        return latest;
    }
}
