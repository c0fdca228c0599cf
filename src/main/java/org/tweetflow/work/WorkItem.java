package org.tweetflow.work;

/** A claimed piece of work: sync member {@code subjectId}, or run collection {@code subjectId}. */
public record WorkItem(long id, String kind, long subjectId, String reason, int attempts) {
}
