package org.tweetflow.archive;

/** Names of the archive file contract ({@code tweetflow.twitter-archive/1}); other tools read these files. */
public final class ArchiveFormat {

    public static final String FORMAT = "tweetflow.twitter-archive/1";

    private ArchiveFormat() {
    }
}
