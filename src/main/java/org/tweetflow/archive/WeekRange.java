package org.tweetflow.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive ISO weeks fetched with one paginated timeline query, from {@code start} (inclusive) to {@code end}
 * (exclusive). Usually the weeks' own bounds; the planner moves them inside what X serves (nothing before
 * 2010-11-06, no time less than 10 s old). The newest range has no {@code end}: X then serves every post up to
 * the request, so a sync archives what was posted seconds before it. A range that resumes a fetch a rate limit
 * stopped has an {@code untilId} instead: only the posts older than that one are asked for, the newer ones being
 * archived already.
 */
public record WeekRange(IsoWeek first, IsoWeek last, Instant start, Instant end, String untilId) {

    /** The weeks with their own bounds. */
    public static WeekRange of(IsoWeek first, IsoWeek last) {
        return new WeekRange(first, last, first.start(), last.end(), null);
    }

    public List<IsoWeek> weeks() {
        List<IsoWeek> weeks = new ArrayList<>();
        for (IsoWeek w = first; w.compareTo(last) <= 0; w = w.next()) {
            weeks.add(w);
        }
        return weeks;
    }

    /**
     * Whether fetching this range reaches the end of the week, so that the week is whole once fetched.
     *
     * @param askedAt when the range's first page was asked for: how far a range without an end reaches (less a
     *                margin, as X's clock and index may lag behind ours)
     */
    public boolean reachesEndOf(IsoWeek week, Instant askedAt) {
        if (untilId != null) {
            return true;
        }
        Instant reached = end != null ? end : askedAt.minus(WeekPlanner.BEFORE_NOW);
        return !reached.isBefore(week.end());
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
