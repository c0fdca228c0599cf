package org.tweetflow.archive;

import java.time.Clock;
import java.util.SortedMap;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.twitter.TimelinePage;
import org.tweetflow.twitter.XAnswers;
import org.tweetflow.twitter.XCall;
import org.tweetflow.twitter.XRequests;

/** The steps of the {@code fetch-week-range} route: page through one week range, newest first. */
@Component("weekFetcher")
public class WeekFetcher {

    public static final String TIMELINE = "users/tweets";
    private static final String NEXT_TOKEN = "tweetflowNextToken";

    private final XRequests requests;
    private final XAnswers answers;
    private final Clock clock;

    public WeekFetcher(XRequests requests, XAnswers answers, Clock clock) {
        this.requests = requests;
        this.answers = answers;
        this.clock = clock;
    }

    public void begin(Exchange exchange) {
        WeekRange range = exchange.getMessage().getBody(WeekRange.class);
        exchange.setProperty(TweetflowExchange.WEEK_COLLECTOR, new WeekCollector(range));
        exchange.setProperty(TweetflowExchange.MORE_PAGES, true);
        exchange.setProperty(NEXT_TOKEN, null);
    }

    public void nextPage(Exchange exchange) {
        WeekCollector collector = exchange.getProperty(TweetflowExchange.WEEK_COLLECTOR, WeekCollector.class);
        String url = requests.timelinePage(exchange.getProperty(TweetflowExchange.X_USER_ID, String.class),
                collector.range().start(), collector.range().end(), exchange.getProperty(NEXT_TOKEN, String.class));
        exchange.setProperty(TweetflowExchange.X_CALL, XCall.of(exchange, TIMELINE, url));
    }

    public void addPage(Exchange exchange) {
        TimelinePage page = answers.page(exchange.getMessage().getBody(String.class));
        exchange.getProperty(TweetflowExchange.WEEK_COLLECTOR, WeekCollector.class).add(page);
        exchange.setProperty(NEXT_TOKEN, page.nextToken());
        exchange.setProperty(TweetflowExchange.MORE_PAGES, page.nextToken() != null);
    }

    public SortedMap<IsoWeek, FetchedWeek> finish(Exchange exchange) {
        return exchange.getProperty(TweetflowExchange.WEEK_COLLECTOR, WeekCollector.class).finished(clock.instant());
    }
}
