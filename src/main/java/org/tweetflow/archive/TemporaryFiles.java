package org.tweetflow.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Temporary files that live as long as the exchange working with them (a downloaded archive, a merged one): deleted
 * when it completes, whether it succeeded or failed. The archives live on Open Humans, not here.
 */
final class TemporaryFiles {

    private TemporaryFiles() {
    }

    static Path create(Exchange exchange, String prefix) throws IOException {
        return deleteOnCompletion(exchange, Files.createTempFile(prefix, ".json"));
    }

    /** Hands a temporary file over to the exchange: it goes when the exchange completes. */
    static Path deleteOnCompletion(Exchange exchange, Path file) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the OS cleans its temporary directory; a stale copy is not worth failing a sync for
                }
            }
        });
        return file;
    }
}
