package org.tweetflow.collect;

import java.time.Clock;

import org.springframework.stereotype.Component;

/**
 * Queues the recurring collections whose next run is due. A run missed while the service was down is caught up
 * once: the next run time moves to the first one after now, not once per missed period.
 */
@Component("recurringCollections")
public class RecurringCollections {

    private final Collections collections;
    private final CollectionQueue queue;
    private final Clock clock;

    public RecurringCollections(Collections collections, CollectionQueue queue, Clock clock) {
        this.collections = collections;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return how many collections were queued for another run */
    public int queueDue() {
        int queued = 0;
        for (Collection due : collections.dueToRepeat()) {
            // only from the time read: a failure that stopped the repeats meanwhile is not undone
            if (collections.moveNextRun(due.id(), due.nextRunAt(), due.repeat().nextAfter(due.nextRunAt(),
                    clock.instant())) && queue.queue(due.id(), "repeat")) {
                queued++;
            }
        }
        return queued;
    }
}
