package org.tweetflow.archive;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The aggregator of {@code archive-member}'s split over week ranges: each range's {@link FetchedRange} is added to
 * the {@link FetchedWeeks} the archive is then merged with.
 */
@Component("fetchedRanges")
public class FetchedRanges implements AggregationStrategy {

    /** The body the split starts from, and stays when no week is due. */
    public FetchedWeeks none() {
        return FetchedWeeks.NONE;
    }

    @Override
    public Exchange aggregate(Exchange all, Exchange range) {
        FetchedRange fetched = range.getMessage().getBody(FetchedRange.class);
        Exchange into = all == null ? range : all;
        FetchedWeeks before = all == null ? FetchedWeeks.NONE : all.getMessage().getBody(FetchedWeeks.class);
        into.getMessage().setBody(before.plus(fetched));
        return into;
    }
}
