package org.tweetflow.openhumans;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code download-archive} route: fetch the member's current archive through its
 * {@code download_url} (a redirect to storage) into a temporary file, streamed, for the merge to read.
 */
@Component("archiveDownloader")
public class ArchiveDownloader {

    /** Body: the archive file. The download URL is presigned: no token goes with it. */
    public OpenHumansCall request(@Body ArchiveFile archive) {
        return OpenHumansCall.get(archive.downloadUrl(), null, "the archive download");
    }

    /** The path of the downloaded copy; whoever asked for it deletes it. */
    public Path save(@Body InputStream body) throws IOException {
        Path copy = Files.createTempFile("tweetflow-existing-", ".json");
        try (body) {
            Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException broken) {
            Files.deleteIfExists(copy);
            throw broken;
        }
        return copy;
    }
}
