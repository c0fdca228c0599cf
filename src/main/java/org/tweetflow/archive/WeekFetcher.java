package org.tweetflow.archive;

import java.time.Clock;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.twitter.XAnswers;
import org.tweetflow.twitter.XApiException;
import org.tweetflow.twitter.XCall;
import org.tweetflow.twitter.TimelinePage;
import org.tweetflow.twitter.XRequests;
import org.tweetflow.work.ReplicaStoppingException;

/**
 * The steps of the {@code fetch-week-range} route: page through one week range of the owner's posts, newest first.
 * The range's {@link WeekCollector} is the loop's body; each page enriches it (this is the Content Enricher's
 * aggregation strategy).
 */
@Component("weekFetcher")
public class WeekFetcher implements AggregationStrategy {

    private final XRequests requests;
    private final XAnswers answers;
    private final Clock clock;
    private final ArchiveMeters meters;

    public WeekFetcher(XRequests requests, XAnswers answers, Clock clock, ArchiveMeters meters) {
        this.requests = requests;
        this.answers = answers;
        this.clock = clock;
        this.meters = meters;
    }

    public WeekCollector begin(@Body WeekRange range) {
        return new WeekCollector(range, clock.instant());
    }

    public XCall nextPage(@Body WeekCollector collector,
            @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner) {
        WeekRange range = collector.range();
        return requests.timelinePage(owner.memberId(), owner.xAccount().id(), range.start(), range.end(),
                range.untilId(), collector.nextToken());
    }

    /**
     * The page X answered goes into the collector. A failed call, or an answer that is not a page, fails the range
     * with the collector kept as the body.
     */
    @Override
    public Exchange aggregate(Exchange collecting, Exchange answered) {
        if (answered.getException() != null) {
            collecting.setException(answered.getException());
            return collecting;
        }
        try {
            TimelinePage page = answers.page(answered.getMessage().getBody(String.class));
            collecting.getMessage().getBody(WeekCollector.class).add(page);
            meters.postsFetched(page.tweets().size());
        } catch (XApiException.Rejected malformed) {
            collecting.setException(malformed);
        }
        return collecting;
    }

    /** Every week of the range, read to its last page. */
    public FetchedRange finished(@Body WeekCollector collector) {
        return new FetchedRange(collector.finished(clock.instant()), null);
    }

    /** A rate limit, or this replica stopping, stopped the range: only the weeks known to be whole are kept. */
    public FetchedRange interrupted(@Body WeekCollector collector,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) {
        RuntimeException limit = ObjectHelper.getException(XApiException.RateLimited.class, caught);
        return new FetchedRange(collector.interrupted(clock.instant()), limit != null ? limit
                : ObjectHelper.getException(ReplicaStoppingException.class, caught));
    }
}
