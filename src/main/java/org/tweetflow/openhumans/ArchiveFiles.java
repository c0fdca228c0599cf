package org.tweetflow.openhumans;

import java.util.Comparator;
import java.util.List;

/**
 * Every archive file of the member on Open Humans: normally one. Should an interrupted replacement have left two,
 * the newest is the archive and the upload replaces them all.
 */
public record ArchiveFiles(List<ArchiveFile> all) {

    /** The archive a sync starts from; null when the member has none yet. */
    public ArchiveFile newest() {
        return all.stream().max(Comparator.comparingLong(ArchiveFile::id)).orElse(null);
    }
}
