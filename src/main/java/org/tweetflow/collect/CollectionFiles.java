package org.tweetflow.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.tweetflow.config.TweetflowProperties;

/**
 * Where a collection keeps its raw pages: {@code <data-dir>/<id>/tweets.jsonl}, one X answer per line as twarc
 * writes them. Appends are forced to disk before they are recorded, and a resumed run first cuts what was appended
 * but never recorded: no page is lost or kept twice.
 */
@Component
public class CollectionFiles {

    private final Path dataDir;

    public CollectionFiles(TweetflowProperties properties) {
        this.dataDir = properties.collect().dataDir();
    }

    public Path tweets(long collectionId) {
        return dataDir.resolve(Long.toString(collectionId)).resolve("tweets.jsonl");
    }

    /** Where the summary outputs of the collection are written. */
    public Path summaries(long collectionId) {
        return dataDir.resolve(Long.toString(collectionId)).resolve("summary");
    }

    /** Deletes everything the collection kept: raw pages and summaries. */
    public void delete(long collectionId) {
        try {
            FileSystemUtils.deleteRecursively(dataDir.resolve(Long.toString(collectionId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts the file back to what was recorded; creates it for a collection's first run. */
    public void resumeAt(long collectionId, long committedLength) {
        Path file = tweets(collectionId);
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                if (channel.size() < committedLength) {
                    // recorded pages are missing: this replica does not see the file the others wrote
                    throw new IllegalStateException("collection " + collectionId + " has " + committedLength
                            + " bytes of pages recorded but " + channel.size() + " on disk: the data dir must be "
                            + "shared by every replica");
                }
                channel.truncate(committedLength);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one line and returns the file's new length, once the line is on disk. */
    public long append(long collectionId, String line) {
        try (FileChannel channel = FileChannel.open(tweets(collectionId), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
