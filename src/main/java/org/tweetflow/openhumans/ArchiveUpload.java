package org.tweetflow.openhumans;

import java.nio.file.Path;
import java.util.Map;

/** A new archive file to upload: the file on disk (streamed) and its Open Humans metadata. */
public record ArchiveUpload(Path file, Map<String, Object> metadata) {
}
