package org.tweetflow.collect.summary;

import java.io.IOException;

/** {@code tweets.csv}: one row per post in file order, written as it is read. */
final class TweetTable extends StreamedSummary {

    static final String FILE = "tweets.csv";

    private CsvWriter csv;

    TweetTable() {
        super(FILE);
    }

    @Override
    void opened(OutputFile out) throws IOException {
        csv = out.csv();
        csv.row(TweetRow.COLUMNS.toArray(String[]::new));
    }

    @Override
    public void accept(Post post) throws IOException {
        csv.row(post.row());
    }
}
