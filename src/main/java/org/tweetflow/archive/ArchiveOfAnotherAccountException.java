package org.tweetflow.archive;

/**
 * The member's archive on Open Humans belongs to another X account than the one now connected. Merging would mix
 * two people's posts and replacing would lose one archive, so the sync stops and says why.
 */
public class ArchiveOfAnotherAccountException extends RuntimeException {

    public ArchiveOfAnotherAccountException(String message) {
        super(message);
    }
}
