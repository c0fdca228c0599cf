package org.tweetflow.openhumans;

/** The member's archive file as Open Humans lists it. */
public record ArchiveFile(long id, String basename, String downloadUrl) {
}
