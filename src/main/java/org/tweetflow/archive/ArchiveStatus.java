package org.tweetflow.archive;

import java.time.Instant;

/**
 * A member's row of {@code archive_state} as the dashboard reads it: the sync's state (one of the
 * {@link ArchiveStates} constants) with its progress or reason, and what the archive on Open Humans holds.
 *
 * @param fileId the archive's file id on Open Humans, null while there is none
 */
public record ArchiveStatus(String state, Integer weekIndex, Integer weekCount, String detail, Instant cooldownUntil,
        Instant lastCompleteAt, Instant syncRequestedAt, long tweets, int weeks, String firstWeek, String lastWeek,
        String fileId) {

    /** A member whose archive was never synced has no row yet. */
    public static final ArchiveStatus NEVER_SYNCED = new ArchiveStatus(ArchiveStates.IDLE, null, null, null, null,
            null, null, 0, 0, null, null, null);

    public boolean hasArchive() {
        return fileId != null;
    }
}
