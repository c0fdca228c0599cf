package org.tweetflow.archive.export;

import java.time.Instant;

/**
 * What the member sees of their latest import.
 *
 * @param state        receiving, queued, importing, done, refused or failed
 * @param account      the export's account (null until the upload was read)
 * @param postsRead    the posts read from the upload so far
 * @param filesRead    the files read, each with its posts ("data/tweets.js: 1,000 posts")
 * @param filesNotRead how many files of the upload were not read (messages, media …): never stored
 * @param weeks        the weeks the export filled in the archive (once merged)
 * @param detail       why it was refused or failed, or what it did
 */
public record ImportStatus(String state, ExportAccount account, Instant exportedAt, long postsRead, String filesRead,
        int filesNotRead, Integer weeks, String detail, Instant startedAt, Instant finishedAt) {

    public boolean underWay() {
        return ArchiveImports.UNDER_WAY.contains(state);
    }
}
