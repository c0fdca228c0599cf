package org.tweetflow.collect.summary;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One output of a collection, fed each post of the collection once (duplicates already dropped), in file order.
 * Lifecycle: {@link #start}, {@link #accept} per post, {@link #writeTo}, then {@link #close} whatever happened.
 * The file appears in the directory only when complete, so a failed step leaves no half file behind.
 */
public interface Summary extends Closeable {

    /** The file this summary writes in the collection's directory, e.g. {@code count-hashtags.csv}. */
    String file();

    /** Before the first post; summaries that write as they read (one row per post) open their file here. */
    default void start(Path dir) throws IOException {
    }

    void accept(Post post) throws IOException;

    /** After the last post: writes the file (or completes the one being written) in {@code dir}. */
    void writeTo(Path dir) throws IOException;

    /** Releases what {@link #start} opened; a file not completed by {@link #writeTo} is removed. */
    @Override
    default void close() throws IOException {
    }
}
