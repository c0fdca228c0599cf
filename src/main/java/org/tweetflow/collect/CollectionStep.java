package org.tweetflow.collect;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One summary output of a collection, as a step of its own: pending, running, done (with what it left out, if
 * anything) or failed (with why).
 *
 * @param startedAt  when the pass running it claimed it; null while pending
 * @param finishedAt when it was done or failed; null before
 */
public record CollectionStep(String name, String state, String progress, String detail,
        @JsonProperty("started_at") Instant startedAt, @JsonProperty("finished_at") Instant finishedAt) {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** Whether a retry may run it again: failed, or done with a detail of what it left out. */
    public boolean retriable() {
        return FAILED.equals(state) || (DONE.equals(state) && detail != null);
    }
}
