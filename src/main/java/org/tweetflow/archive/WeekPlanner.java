package org.tweetflow.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Works out which weeks a sync must fetch. A week is complete only when it was fetched after it ended, so the
 * current week and the week of the last fetch are always fetched again (the seed's "drop the last partial week").
 * Due weeks are grouped, oldest first, into ranges of consecutive weeks, each fetched with one paginated query:
 * an idle re-sync costs one call per incomplete week, a first sync about one call per hundred posts.
 */
@Component("weekPlanner")
public class WeekPlanner {

    private final Clock clock;

    public WeekPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param fetchedAt       when each archived week was last fetched (weeks absent from the map were never fetched)
     * @param since           the oldest instant worth asking for (the account's creation)
     * @param maxWeeksPerRange the longest range, so that progress is checkpointed regularly
     */
    public List<WeekRange> dueRanges(Map<IsoWeek, Instant> fetchedAt, Instant since, int maxWeeksPerRange) {
        Instant now = clock.instant();
        IsoWeek current = IsoWeek.of(now);
        List<WeekRange> ranges = new ArrayList<>();
        IsoWeek open = null;
        IsoWeek previous = null;
        int length = 0;
        for (IsoWeek week = IsoWeek.of(since); week.compareTo(current) <= 0; week = week.next()) {
            boolean due = !isComplete(week, fetchedAt.get(week));
            if (open != null && (!due || length == maxWeeksPerRange)) {
                ranges.add(new WeekRange(open, previous));
                open = null;
            }
            if (due && open == null) {
                open = week;
                length = 0;
            }
            if (due) {
                length++;
            }
            previous = week;
        }
        if (open != null) {
            ranges.add(new WeekRange(open, previous));
        }
        return ranges;
    }

    public static boolean isComplete(IsoWeek week, Instant fetchedAt) {
        return fetchedAt != null && !fetchedAt.isBefore(week.end());
    }
}
