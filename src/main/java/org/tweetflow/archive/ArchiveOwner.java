package org.tweetflow.archive;

import org.tweetflow.twitter.XAccount;

/**
 * Whose archive a job works on: the member, their Open Humans project member id (the archive's home) and the X
 * account they connected, if any.
 */
public record ArchiveOwner(long memberId, String projectMemberId, XAccount xAccount) {

    public boolean xConnected() {
        return xAccount != null;
    }
}
