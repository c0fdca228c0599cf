package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

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
    private final List<Post> reservoir = new ArrayList<>();
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
    public void accept(Post post) {
        seen++;
        if (reservoir.size() < size) {
            reservoir.add(post);
        } else {
            long slot = random.nextLong(seen);
            if (slot < size) {
                reservoir.set((int) slot, post);
            }
        }
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Post> sorted = new ArrayList<>(reservoir);
        sorted.sort(Comparator.comparingLong(Post::id));
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row(TweetRow.COLUMNS.toArray(String[]::new));
            for (Post post : sorted) {
                csv.row(post.row());
            }
            out.commit();
        }
    }
}
