package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TreeMap;

/**
 * {@code timeline.csv}: posts per hour (UTC) by created_at, every hour from the first to the last, empty hours as 0
 * (so a chart's gaps are real). A post without a readable created_at is not counted.
 */
final class Timeline implements Summary {

    static final String FILE = "timeline.csv";
    private static final long HOUR = 3600;

    private final TreeMap<Long, long[]> perHour = new TreeMap<>();
    /** Posts come in time order, mostly from the same hour as the one before: no look-up (nor boxing) for them. */
    private long currentHour;
    private long[] current;

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(Post post) {
        if (post.createdAt() == null) {
            return;
        }
        long hour = Math.floorDiv(post.createdAt().getEpochSecond(), HOUR);
        if (current == null || hour != currentHour) {
            current = perHour.computeIfAbsent(hour, key -> new long[1]);
            currentHour = hour;
        }
        current[0]++;
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row("hour", "count");
            if (!perHour.isEmpty()) {
                for (long hour = perHour.firstKey(); hour <= perHour.lastKey(); hour++) {
                    long[] count = perHour.get(hour);
                    csv.field(Instant.ofEpochSecond(hour * HOUR).toString()).field(count == null ? 0 : count[0])
                            .endRow();
                }
            }
            out.commit();
        }
    }
}
