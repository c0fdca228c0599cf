package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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


    /** The post's created_at; null when missing or unreadable. */
    static Instant createdAt(JsonNode tweet) {
        JsonNode created = tweet.get("created_at");
        if (created == null) {
            return null;
        }
        String text = created.asText();
        try {
            return isXFormat(text) ? xFormat(text) : Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** X writes every time as {@code 2026-11-29T10:15:00.000Z}; read by position, it costs a tenth of a parse. */
    private static boolean isXFormat(String text) {
        return text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z';
    }

    private static Instant xFormat(String text) {
        LocalDateTime time = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 3) * 1_000_000);
        return time.toInstant(ZoneOffset.UTC);
    }

    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit in " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
