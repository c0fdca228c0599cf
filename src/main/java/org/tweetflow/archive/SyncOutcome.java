package org.tweetflow.archive;

import java.time.Instant;

/** How one sync of a member ended, and so what becomes of its work item. */
public record SyncOutcome(Kind kind, Instant notBefore, String detail) {

    public enum Kind {
        /** Every due week fetched and uploaded: the item leaves the queue. */
        SYNCED,
        /** The rate limit stopped it after uploading what was whole: the item waits for the cooldown. */
        COOLING_DOWN,
        /**
         * This replica stopped: what was whole is uploaded, and the item is free at once for the next claim, which
         * goes on from there.
         */
        STOPPED,
        /** A provider refused the member's refresh token: nothing more until they connect again. */
        NEEDS_RECONNECT,
        /** Failed for a reason shown to the member; the stale scan tries again later. */
        FAILED,
        /** Open Humans rejected a token that has now been renewed: try again at once. */
        RETRY
    }

    /** Whether the work item stays queued (until {@link #notBefore()}). */
    public boolean staysQueued() {
        return kind == Kind.COOLING_DOWN || kind == Kind.STOPPED || kind == Kind.RETRY;
    }
}
