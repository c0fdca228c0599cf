package org.tweetflow.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionRun;

/**
 * Why a collected collection holds fewer posts than it asked for, in a sentence for its page: recent search reaches
 * back 7 days only, and X had no more that match (none at all says so too). A run that got its count says nothing.
 */
@Component
class CollectedOutcome {

    private final Figures figures;

    CollectedOutcome(Figures figures) {
        this.figures = figures;
    }

    /** The sentence for the latest run; null while collecting, after a failure, or when the run got its count. */
    String of(Collection collection, List<CollectionRun> runs) {
        if (!Collection.COLLECTED.equals(collection.state())) {
            return null;
        }
        CollectionRun last = runs.isEmpty() ? null : runs.get(0);
        int collected = last == null ? collection.collected() : last.collected();
        if (collected >= collection.maxCount()) {
            return null;
        }
        boolean later = last != null && last.sinceId() != null;
        if (collected == 0) {
            return later ? "X had no new posts matching this query since the run before."
                    : "X found no posts matching this query in the last 7 days, as far back as its recent search "
                            + "reaches: try fewer or broader terms (each term narrows the search, OR widens it).";
        }
        return (later ? "Complete: these are all the posts X had matching this query since the run before"
                : "Complete: these are all the posts X had matching this query in the last 7 days, as far back as "
                        + "its recent search reaches")
                + " (" + figures.number(collected) + " of the " + figures.number(collection.maxCount())
                + " asked for).";
    }
}
