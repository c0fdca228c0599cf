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

    /** A key and its count, as a file lists them. */
    record Counted(String key, long count) {
    }

    /**
     * Most first; among equal counts, by key, so the file is the same for the same collection. Written out rather
     * than composed (comparingLong().thenComparing()): hundreds of thousands of accounts are sorted after the pass.
     */
    static final Comparator<Counted> MOST_FIRST = (a, b) -> a.count() != b.count()
            ? Long.compare(-a.count(), -b.count()) : a.key().compareTo(b.key());

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
        List<Counted> all = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> all.add(new Counted(key, count[0])));
        write(dir, file, keyColumn, "count", all);
    }

    /** {@code rows} sorted most first into {@code file}, under the header {@code keyColumn,countColumn}. */
    static void write(Path dir, String file, String keyColumn, String countColumn, List<Counted> rows)
            throws IOException {
        rows.sort(MOST_FIRST);
        try (OutputFile out = OutputFile.open(dir, file)) {
            CsvWriter csv = out.csv();
            csv.row(keyColumn, countColumn);
            for (Counted counted : rows) {
                csv.field(counted.key()).field(counted.count()).endRow();
            }
            out.commit();
        }
    }
}
