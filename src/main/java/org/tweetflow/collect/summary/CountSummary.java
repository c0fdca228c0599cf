package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A {@code key,count} file: the keys a post yields (its hashtags, its language, ...) counted over the collection. */
final class CountSummary implements Summary {

    /** What a post contributes: each key once per occurrence. */
    @FunctionalInterface
    interface Keys {
        void of(Post post, Consumer<String> sink);
    }

    private final String file;
    private final String keyColumn;
    private final Keys keys;
    private final KeyCounts counts = new KeyCounts();
    private final Consumer<String> add = counts::add;

    CountSummary(String file, String keyColumn, Keys keys) {
        this.file = file;
        this.keyColumn = keyColumn;
        this.keys = keys;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public void accept(Post post) {
        keys.of(post, add);
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        counts.writeTo(dir, file, keyColumn);
    }
}
