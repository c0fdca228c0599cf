package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code tweets.csv}: one row per post in file order, written as it is read. */
final class TweetTable implements Summary {

    static final String FILE = "tweets.csv";

    private OutputFile out;
    private CsvWriter csv;

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void start(Path dir) throws IOException {
        out = OutputFile.open(dir, FILE);
        csv = out.csv();
        csv.row(TweetRow.COLUMNS.toArray(String[]::new));
    }

    @Override
    public void accept(JsonNode tweet, PageIncludes includes) throws IOException {
        csv.row(TweetRow.of(tweet, includes));
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        out.commit();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
