package org.tweetflow.archive.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.config.TweetflowProperties;

/**
 * Where the posts read from an upload wait for their import: {@code <imports.dir>/<member>/<random>.jsonl.gz}, on a
 * volume every replica reaches (the upload arrives at one, the member's archive run may take place at another).
 */
@Component
public class ImportFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ImportFiles.class);

    private final Path dir;

    public ImportFiles(TweetflowProperties properties) {
        this.dir = properties.imports().dir();
    }

    /** A new file for one upload's posts (a name of its own: an abandoned upload's file may still be there). */
    Path newFile(long memberId) {
        Path memberDir = dir.resolve(Long.toString(memberId));
        try {
            Files.createDirectories(memberDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + memberDir, e);
        }
        return memberDir.resolve(UUID.randomUUID() + ".jsonl.gz");
    }

    /** The posts file, and the sort's runs beside it that a killed replica may have left (ExportArchive). */
    void delete(Path file) {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(file.toAbsolutePath().getParent(),
                file.getFileName() + ".run-*")) {
            Files.deleteIfExists(file);
            for (Path run : runs) {
                Files.deleteIfExists(run);
            }
        } catch (NoSuchFileException gone) {
            // the member's folder went with an earlier end
        } catch (IOException e) {
            // the import's end stands; the file holds the member's own posts only, converted, and nothing else
            LOG.warn("Could not delete an import's posts file: {}", e.toString());
        }
    }
}
