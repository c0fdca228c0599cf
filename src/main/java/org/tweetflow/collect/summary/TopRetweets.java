package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code retweets.csv}: the {@value #TOP} posts retweeted most within the collection. Each retweet counts for the
 * post it retweets (whether or not that original is itself in the collection); X's own retweet_count is in
 * tweets.csv. Most first, then by id (oldest first).
 */
final class TopRetweets implements Summary {

    static final String FILE = "retweets.csv";
    static final int TOP = 100;

    private final LongCounts retweets = new LongCounts();

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(Post post) {
        if (post.retweeted() != null) {
            retweets.increment(SummaryRunner.postId(post.retweeted()));
        }
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Retweeted> all = new ArrayList<>(retweets.size());
        retweets.forEach((id, count) -> all.add(new Retweeted(id, count)));
        all.sort(Comparator.comparingLong(Retweeted::count).reversed().thenComparingLong(Retweeted::id));
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row("tweet_id", "count");
            for (Retweeted retweeted : all.subList(0, Math.min(TOP, all.size()))) {
                csv.field(retweeted.id()).field(retweeted.count()).endRow();
            }
            out.commit();
        }
    }

    private record Retweeted(long id, long count) {
    }
}
