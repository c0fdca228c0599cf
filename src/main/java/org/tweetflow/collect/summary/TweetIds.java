package org.tweetflow.collect.summary;

import java.io.IOException;
import java.io.Writer;

/** {@code tweet-ids.txt}: the collection dehydrated, one post id a line in file order (for hydrating later). */
final class TweetIds extends StreamedSummary {

    static final String FILE = "tweet-ids.txt";

    private Writer ids;

    TweetIds() {
        super(FILE);
    }

    @Override
    void opened(OutputFile out) {
        ids = out.writer();
    }

    @Override
    public void accept(Post post) throws IOException {
        ids.write(post.idText());
        ids.write('\n');
    }
}
