package org.tweetflow.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Consecutive ISO weeks fetched with one paginated timeline query ({@code start_time} .. {@code end_time}). */
public record WeekRange(IsoWeek first, IsoWeek last) {

    public Instant start() {
        return first.start();
    }

    public Instant end() {
        return last.end();
    }

    public List<IsoWeek> weeks() {
        List<IsoWeek> weeks = new ArrayList<>();
        for (IsoWeek w = first; w.compareTo(last) <= 0; w = w.next()) {
            weeks.add(w);
        }
        return weeks;
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
