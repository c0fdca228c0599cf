package org.tweetflow.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive ISO weeks fetched with one paginated timeline query, from {@code start} (inclusive) to {@code end}
 * (exclusive). Usually the weeks' own bounds; the planner moves them inside what X serves (nothing before
 * 2010-11-06, nothing later than shortly before now), so the newest week of a range can end before its time.
 */
public record WeekRange(IsoWeek first, IsoWeek last, Instant start, Instant end) {

    /** The weeks with their own bounds. */
    public static WeekRange of(IsoWeek first, IsoWeek last) {
        return new WeekRange(first, last, first.start(), last.end());
    }

    public List<IsoWeek> weeks() {
        List<IsoWeek> weeks = new ArrayList<>();
        for (IsoWeek w = first; w.compareTo(last) <= 0; w = w.next()) {
            weeks.add(w);
        }
        return weeks;
    }

    /** Whether fetching this range reaches the end of the week, so that the week is whole once fetched. */
    public boolean reachesEndOf(IsoWeek week) {
        return !end.isBefore(week.end());
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
