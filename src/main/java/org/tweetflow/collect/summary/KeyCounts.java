package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts per text key, written as {@code key,count} sorted by count descending, then key ascending. */
final class KeyCounts {

    /** Most first; among equal counts, by key, so the file is the same for the same collection. */
    static final Comparator<Map.Entry<String, long[]>> MOST_FIRST = Comparator
            .comparingLong((Map.Entry<String, long[]> entry) -> -entry.getValue()[0])
            .thenComparing(Map.Entry::getKey);

    // long[1] rather than Long: one allocation per key, none per increment
    private final Map<String, long[]> counts = new HashMap<>();

    void add(String key) {
        long[] count = counts.get(key);
        if (count == null) {
            counts.put(key, new long[] {1});
        } else {
            count[0]++;
        }
    }

    void writeTo(Path dir, String file, String keyColumn) throws IOException {
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(MOST_FIRST);
        try (OutputFile out = OutputFile.open(dir, file)) {
            CsvWriter csv = out.csv();
            csv.row(keyColumn, "count");
            for (Map.Entry<String, long[]> entry : sorted) {
                csv.field(entry.getKey()).field(entry.getValue()[0]).endRow();
            }
            out.commit();
        }
    }
}
