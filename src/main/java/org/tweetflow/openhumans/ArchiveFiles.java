package org.tweetflow.openhumans;

import java.util.Comparator;
import java.util.List;

/**
 * Every archive file of the member on Open Humans: normally one. Should an interrupted replacement or two
 * overlapping syncs have left more, a sync merges them all and its upload replaces them all.
 */
public record ArchiveFiles(List<ArchiveFile> all) {

    /** Whether the member has an archive on Open Humans yet. */
    public boolean isAny() {
        return !all.isEmpty();
    }

    /** The file the dashboard links to; null when the member has none yet. */
    public ArchiveFile newest() {
        return all.stream().max(Comparator.comparingLong(ArchiveFile::id)).orElse(null);
    }
}
