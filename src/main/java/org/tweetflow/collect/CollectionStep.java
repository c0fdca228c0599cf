package org.tweetflow.collect;

/** One summary output of a collection, as a step of its own: pending, running, done or failed (with why). */
public record CollectionStep(String name, String state, String progress, String detail) {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
