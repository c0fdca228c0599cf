package org.tweetflow.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Temporary files that live as long as the exchange working with them (a downloaded archive, a merged one): deleted
 * when it completes, whether it succeeded or failed. The archives live on Open Humans, not here.
 */
public final class TemporaryFiles {

    private TemporaryFiles() {
    }

    public static Path create(Exchange exchange, String prefix) throws IOException {
        return deleteOnCompletion(exchange, Files.createTempFile(prefix, ".json"));
    }

    /** Hands a temporary file over to the exchange: it goes when the exchange completes. */
    static Path deleteOnCompletion(Exchange exchange, Path file) {
        deleteOnCompletion(exchange, () -> file);
        return file;
    }

    /** The file the supplier names when the exchange completes (none, if null) goes then. */
    static void deleteOnCompletion(Exchange exchange, Supplier<Path> file) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                deleteQuietly(file.get());
            }
        });
    }

    /** Deletes the file, if any. */
    static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the OS cleans its temporary directory; a stale copy is not worth failing a sync for
        }
    }
}
