package org.tweetflow.collect;

import org.springframework.stereotype.Component;

/**
 * A researcher retries a failed summary step: it is pending again and queued as the collection's work, so a worker
 * runs it (within the workers' number, and again after a restart), never the web thread. A run of the collection
 * going on meanwhile runs it, or leaves its item queued for it.
 */
@Component
public class SummaryRetries {

    private final CollectionSteps steps;
    private final CollectionQueue queue;

    public SummaryRetries(CollectionSteps steps, CollectionQueue queue) {
        this.steps = steps;
        this.queue = queue;
    }

    /** False when the collection has no such failed step. */
    public boolean retry(long collectionId, String name) {
        if (!steps.retry(collectionId, name)) {
            return false;
        }
        queue.summarize(collectionId);
        return true;
    }
}
