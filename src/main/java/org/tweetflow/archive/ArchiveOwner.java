package org.tweetflow.archive;

import org.tweetflow.openhumans.OpenHumansMember;
import org.tweetflow.twitter.XAccount;

/**
 * Whose archive a job works on: the member at Open Humans (the archive's home) and the X account they connected,
 * if any.
 */
public record ArchiveOwner(OpenHumansMember openHumans, XAccount xAccount) {

    public long memberId() {
        return openHumans.memberId();
    }

    public boolean xConnected() {
        return xAccount != null;
    }
}
