package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code timeline.csv}: posts per hour (UTC) by created_at, every hour from the first to the last, empty hours as 0
 * (so a chart's gaps are real). A post without a readable created_at is not counted.
 */
final class Timeline implements Summary {

    static final String FILE = "timeline.csv";
    private static final long HOUR = 3600;

    private final TreeMap<Long, long[]> perHour = new TreeMap<>();

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(JsonNode tweet, PageIncludes includes) {
        Instant created = createdAt(tweet);
        if (created != null) {
            perHour.computeIfAbsent(Math.floorDiv(created.getEpochSecond(), HOUR), hour -> new long[1])[0]++;
        }
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = new CsvWriter(out.writer());
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


    static Instant createdAt(JsonNode tweet) {
        JsonNode created = tweet.get("created_at");
        if (created == null) {
            return null;
        }
        try {
            return Instant.parse(created.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
