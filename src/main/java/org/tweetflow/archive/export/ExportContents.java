package org.tweetflow.archive.export;

import java.time.Instant;
import java.util.List;

/**
 * What an upload held, as far as the import reads it: the page shows it, and the import's account check uses it.
 *
 * @param account       whose export it is: from data/account.js, else the manifest, else (the oldest exports) the
 *                      posts' own author; null when the upload held none of them (tweets files alone)
 * @param generatedAt   when X wrote the export (the manifest's {@code archiveInfo.generationDate}); null without one
 * @param posts         the posts read and kept
 * @param filesRead     the files read, with the posts each held (0 for the manifest and account.js)
 * @param filesNotRead  how many other files the upload held, unread; their names stay unsaid: they are the member's
 *                      private data (direct messages, likes, photos)
 * @param manifestPosts how many posts the manifest says the export holds; null without a manifest
 * @param newestPost    when the newest post read was posted; null when none was
 */
public record ExportContents(ExportAccount account, Instant generatedAt, long posts, List<FileRead> filesRead,
        long filesNotRead, Long manifestPosts, Instant newestPost) {

    public ExportContents {
        filesRead = List.copyOf(filesRead);
    }

    /** One file of the upload that was read: its name inside the export, and the posts it held. */
    public record FileRead(String name, long posts) {
    }
}
