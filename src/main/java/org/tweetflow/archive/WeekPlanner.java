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
 * an idle re-sync one call. The newest range sends no {@code end_time}: it reaches the moment of the request.
 * A week a rate limit stopped in ends its range, which goes on below the oldest post fetched ({@code until_id}).
 */
@Component("weekPlanner")
public class WeekPlanner {

    /** X's timeline refuses any {@code start_time} or {@code end_time} before this (400). */
    public static final Instant TIMELINE_FLOOR = Instant.parse("2010-11-06T00:00:00Z");
    /**
     * How old a time sent to X must be at least. X refuses one less than 10 s before the request; a minute leaves
     * room for clock skew. A range ending later than this sends no {@code end_time}.
     */
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
     * @param partlyFetchedAt when the archive's weeks fetched up to a moment were last fetched
     * @param resumeUntilIds  the weeks a rate limit stopped in, with the oldest post fetched of each
     * @param since           the oldest instant worth asking for (the account's creation; null when unknown)
     * @return the due ranges, oldest first, within what X serves
     */
    public List<WeekRange> dueRanges(Set<IsoWeek> complete, Map<IsoWeek, Instant> partlyFetchedAt,
            Map<IsoWeek, String> resumeUntilIds, Instant since) {
        Instant from = since == null || since.isBefore(TIMELINE_FLOOR) ? TIMELINE_FLOOR : since;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<WeekRange> ranges = new ArrayList<>();
        IsoWeek open = null;
        IsoWeek previous = null;
        for (IsoWeek week = IsoWeek.of(from); week.start().isBefore(now); week = week.next()) {
            boolean due = !complete.contains(week);
            if (due && open == null) {
                open = week;
            } else if (!due && open != null) {
                ranges.add(range(open, previous, partlyFetchedAt.get(open), null, now));
                open = null;
            }
            if (due && resumeUntilIds.containsKey(week)) {
                ranges.add(range(open, week, partlyFetchedAt.get(open), resumeUntilIds.get(week), now));
                open = null;
            }
            previous = week;
        }
        if (open != null) {
            ranges.add(range(open, previous, partlyFetchedAt.get(open), null, now));
        }
        return ranges;
    }

    private static WeekRange range(IsoWeek first, IsoWeek last, Instant firstFetchedAt, String untilId,
            Instant now) {
        Instant latestTime = now.minus(BEFORE_NOW);
        Instant resumeAt = firstFetchedAt == null ? Instant.MIN : firstFetchedAt.minus(REFETCH_OVERLAP);
        Instant start = latest(first.start(), TIMELINE_FLOOR, resumeAt.isBefore(latestTime) ? resumeAt : Instant.MIN);
        // a week begun seconds ago is asked for from a minute ago: the posts before it belong to the week before
        if (start.isAfter(latestTime)) {
            start = latestTime;
        }
        Instant end = untilId != null || last.end().isAfter(latestTime) ? null : last.end();
        return new WeekRange(first, last, start, end, untilId);
    }

    private static Instant latest(Instant... instants) {
        Instant latest = instants[0];
        for (Instant instant : instants) {
            latest = instant.isAfter(latest) ? instant : latest;
        }
        return latest;
    }
}
