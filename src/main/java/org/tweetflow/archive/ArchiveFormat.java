package org.tweetflow.archive;

/** Names of the archive file contract ({@code tweetflow.twitter-archive/1}); other tools read these files. */
public final class ArchiveFormat {

    public static final String FORMAT = "tweetflow.twitter-archive/1";
    /**
     * The mark of what was read from the member's X data export: on a post, its copy came from there (a copy from
     * X's API replaces it); on a week, no fetch from X reached the week's end since.
     */
    public static final String FROM_EXPORT = "from_export";

    private ArchiveFormat() {
    }
}
