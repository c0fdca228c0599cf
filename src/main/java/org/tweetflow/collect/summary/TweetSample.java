package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code sample.csv}: a uniform random sample of {@code size} posts (all of them when fewer), tweets.csv's columns,
 * oldest id first. Reservoir sampling (Algorithm R) in one pass; the same seed over the same file gives the same
 * sample, another seed another sample ("resample").
 */
final class TweetSample implements Summary {

    static final String FILE = "sample.csv";
    static final int SIZE = 100;

    private final int size;
    private final Random random;
    private final List<Sampled> reservoir = new ArrayList<>();
    private long seen;

    TweetSample(int size, long seed) {
        this.size = size;
        this.random = new Random(seed);
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(JsonNode tweet, PageIncludes includes) {
        seen++;
        if (reservoir.size() < size) {
            reservoir.add(sampled(tweet, includes));
        } else {
            long slot = random.nextLong(seen);
            if (slot < size) {
                reservoir.set((int) slot, sampled(tweet, includes));
            }
        }
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Sampled> sorted = new ArrayList<>(reservoir);
        sorted.sort(Comparator.comparingLong(Sampled::id));
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row(TweetRow.COLUMNS.toArray(String[]::new));
            for (Sampled sampled : sorted) {
                csv.row(sampled.row());
            }
            out.commit();
        }
    }

    /** The row is made when the post enters the reservoir: it needs the post's page includes. */
    private static Sampled sampled(JsonNode tweet, PageIncludes includes) {
        return new Sampled(SummaryRunner.postId(tweet.path("id").asText()), TweetRow.of(tweet, includes));
    }

    private record Sampled(long id, String[] row) {
    }
}
