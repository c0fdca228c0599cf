package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;


/** {@code count-followers.csv}: each author's followers (last seen), most followed first, then by user. */
final class FollowerCounts extends AuthorFiguresSummary {

    static final String FILE = "count-followers.csv";

    FollowerCounts(AuthorMetrics metrics) {
        super(FILE, metrics);
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
