package org.tweetflow.openhumans;

/** The member's archive file as Open Humans lists it. */
public record ArchiveFile(long id, String basename, String downloadUrl) {

    /** The name the archive file has on Open Humans; the project keeps one such file per member. */
    public static final String BASENAME = "tweetflow-twitter-archive.json";
}
