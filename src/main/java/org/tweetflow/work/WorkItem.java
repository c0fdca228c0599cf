package org.tweetflow.work;

/**
 * A claimed piece of work: sync member {@code subjectId}, or run collection {@code subjectId}, held by
 * {@code leaseOwner} (one claim's own name, so that a second claim of the same item is told apart).
 */
public record WorkItem(long id, String kind, long subjectId, String reason, int attempts, String leaseOwner) {
}
