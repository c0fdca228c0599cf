package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code tweet-ids.txt}: the collection dehydrated, one post id a line in file order (for hydrating later). */
final class TweetIds implements Summary {

    static final String FILE = "tweet-ids.txt";

    private OutputFile out;

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void start(Path dir) throws IOException {
        out = OutputFile.open(dir, FILE);
    }

    @Override
    public void accept(JsonNode tweet, PageIncludes includes) throws IOException {
        out.writer().write(tweet.path("id").asText());
        out.writer().write('\n');
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
