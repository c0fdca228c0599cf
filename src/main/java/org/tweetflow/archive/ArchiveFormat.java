package org.tweetflow.archive;

import java.util.List;

/** Names of the archive file contract ({@code tweetflow.twitter-archive/1}); other tools read these files. */
public final class ArchiveFormat {

    public static final String FORMAT = "tweetflow.twitter-archive/1";
    public static final String BASENAME = "tweetflow-twitter-archive.json";
    /** The expansion types kept per week, in this order. */
    public static final List<String> INCLUDES = List.of("users", "tweets", "media", "places", "polls");

    private ArchiveFormat() {
    }
}
