package org.tweetflow.archive.export;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An import the member's next archive run merges: the posts read from their upload (converted, nothing else of it),
 * whose they are, and when X made the export (its weeks are whole up to then).
 */
public record PendingImport(long memberId, Path posts, ExportAccount account, Instant exportedAt) {
}
