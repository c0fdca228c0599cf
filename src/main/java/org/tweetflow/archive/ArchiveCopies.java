package org.tweetflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;

/**
 * The steps of {@code archive-member} that make one starting point of every archive file the member has on Open
 * Humans (normally one; an interrupted replacement or two overlapping syncs leave more, and each may hold posts the
 * others lack): each download is merged into the copy made of the ones before it, as a stream, so the heap holds a
 * week of two files at a time however many there are and however large.
 */
@Component("archiveCopies")
public class ArchiveCopies {

    /** The copy the downloads are merged into; none before the first. */
    public static final class Combined {
        private Path copy;
    }

    private final ArchiveStreams streams;

    public ArchiveCopies(ArchiveStreams streams) {
        this.streams = streams;
    }

    /** An empty copy, whose file goes when the sync ends, however it ends. */
    public Combined begin(Exchange exchange) {
        Combined combined = new Combined();
        TemporaryFiles.deleteOnCompletion(exchange, () -> combined.copy);
        return combined;
    }

    /** Body: one more downloaded archive file, merged into the copy (and then deleted, as the copy it replaces). */
    public void add(@Body Path download, @ExchangeProperty(TweetflowExchange.ARCHIVE_COPY) Combined combined)
            throws IOException {
        if (combined.copy == null) {
            combined.copy = download;
            return;
        }
        Path before = combined.copy;
        Path merged = Files.createTempFile("tweetflow-combined-", ".json");
        try (InputStream one = Files.newInputStream(before); InputStream other = Files.newInputStream(download);
                OutputStream out = Files.newOutputStream(merged)) {
            streams.combine(one, other, out);
            combined.copy = merged;
        } finally {
            TemporaryFiles.deleteQuietly(download);
            TemporaryFiles.deleteQuietly(combined.copy == merged ? before : merged);
        }
    }

    /** The copy holding every file downloaded. */
    public Path copy(@ExchangeProperty(TweetflowExchange.ARCHIVE_COPY) Combined combined) {
        return combined.copy;
    }
}
