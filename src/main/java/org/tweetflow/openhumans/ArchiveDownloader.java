package org.tweetflow.openhumans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;

/**
 * The steps of the {@code download-archive} route: fetch the member's current archive through its
 * {@code download_url} (a redirect to storage) into a temporary file, streamed, for the merge to read.
 */
@Component("archiveDownloader")
public class ArchiveDownloader {

    public void request(Exchange exchange) {
        ArchiveFile archive = exchange.getProperty(TweetflowExchange.OLD_ARCHIVE, ArchiveFile.class);
        exchange.setProperty(OpenHumansCalls.CALL, OpenHumansCall.get(archive.downloadUrl(), null,
                "the archive download"));
    }

    /** Leaves the path of the downloaded copy as the body. */
    public Path save(Exchange exchange) throws IOException {
        Path copy = Files.createTempFile("tweetflow-existing-", ".json");
        try (InputStream body = exchange.getMessage().getBody(InputStream.class)) {
            Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException broken) {
            Files.deleteIfExists(copy);
            throw broken;
        }
        return copy;
    }
}
