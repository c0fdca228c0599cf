package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code count-followers.csv}: each author's followers (last seen), most followed first, then by user. */
final class FollowerCounts implements Summary {

    static final String FILE = "count-followers.csv";

    private final AuthorMetrics metrics;

    FollowerCounts(AuthorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(JsonNode tweet, PageIncludes includes) {
        metrics.see(tweet, includes);
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(metrics.byAuthor().entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> -entry.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row("user", "followers");
            for (Map.Entry<String, long[]> entry : sorted) {
                csv.field(entry.getKey()).field(entry.getValue()[0]).endRow();
            }
            out.commit();
        }
    }
}
