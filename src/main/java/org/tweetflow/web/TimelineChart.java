package org.tweetflow.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * timeline.csv as columns of an SVG chart, drawn on the server (no script, no library): one column per hour, or per
 * day when a long recurring collection has more hours than a page can show. Each column carries its time and count
 * as text, and the page lists them in a table as well.
 *
 * @param perHour whether a column is an hour (else {@code hours} hours)
 * @param width   the SVG view box's width: {@value #STEP} units per column, 100 high
 */
public record TimelineChart(List<Column> columns, boolean perHour, int hours, long peak, int width) {

    static final int MAX_COLUMNS = 14 * 24;
    static final int STEP = 10;

    /** One column: where it starts, its count, and its place in the view box. */
    public record Column(Instant start, long count, int x, double height) {
    }

    /** {@code counts} are consecutive hours from {@code first}, as timeline.csv lists them. */
    static TimelineChart of(Instant first, List<Long> counts) {
        int hours = counts.size() <= MAX_COLUMNS ? 1 : 24 * (int) Math.ceil(counts.size() / (24.0 * MAX_COLUMNS));
        List<long[]> sums = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            if (i % hours == 0) {
                sums.add(new long[1]);
            }
            sums.get(sums.size() - 1)[0] += counts.get(i);
        }
        long peak = sums.stream().mapToLong(sum -> sum[0]).max().orElse(0);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < sums.size(); i++) {
            Instant start = first.plusSeconds(3600L * hours * i);
            long count = sums.get(i)[0];
            columns.add(new Column(start, count, i * STEP,
                    peak == 0 ? 0 : Math.round(1000.0 * count / peak) / 10.0));
        }
        return new TimelineChart(columns, hours == 1, hours, peak, Math.max(STEP, columns.size() * STEP));
    }
}
