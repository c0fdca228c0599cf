package org.tweetflow.collect;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.calls.CallFailure;
import org.tweetflow.calls.CallFailures;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.ratelimit.RatePauses;
import org.tweetflow.twitter.XApiException;
import org.tweetflow.twitter.XCall;
import org.tweetflow.twitter.XRequests;
import org.tweetflow.work.WorkItem;

/**
 * The steps of the {@code collect-search} route: page through recent search for one collection, appending each page
 * X answers to the collection's JSON Lines file as it arrives (this is the Content Enricher's aggregation strategy),
 * and record how far it got, so that a crash or a cooldown resumes after the last page.
 */
@Component("searchCollector")
public class SearchCollector implements AggregationStrategy {

    /** The operators paused fetching from X (RateBudget#pauseAll): shown without a time, as no end is known. */
    static final String HELD = RatePauses.BY_THE_OPERATORS + "; the posts so far are kept, the rest follows when they "
            + "resume it";

    private static final Logger LOG = LoggerFactory.getLogger(SearchCollector.class);

    private final Collections collections;
    private final CollectionFiles files;
    private final XRequests requests;
    private final ObjectMapper mapper;
    private final CollectionSteps steps;
    private final Clock clock;
    private final TweetflowProperties.Archive retryPolicy;
    private final CallFailures calls;
    private final CollectMeters meters;

    public SearchCollector(Collections collections, CollectionFiles files, XRequests requests, ObjectMapper mapper,
            CollectionSteps steps, Clock clock, TweetflowProperties properties, CallFailures calls,
            CollectMeters meters) {
        this.calls = calls;
        this.meters = meters;
        this.collections = collections;
        this.steps = steps;
        this.clock = clock;
        this.retryPolicy = properties.archive();
        this.files = files;
        this.requests = requests;
        this.mapper = mapper;
    }

    /** Body: the collection id. Resumes where the last recorded page ended. */
    public SearchRun begin(@Body long collectionId) {
        Collection collection = collections.find(collectionId)
                .orElseThrow(() -> new IllegalStateException("collection " + collectionId + " was deleted"));
        files.resumeAt(collectionId, collection.dataLength());
        CollectionRun run = collections.currentRun(collection);
        // a run over already (an item claimed again after it finished) leaves the state as the run left it
        if (run.finishedAt() == null) {
            collections.collecting(collectionId);
        }
        LOG.info("Collection {} step search started: {} posts collected before", collectionId, collection.collected());
        return SearchRun.of(collection, run);
    }

    /**
     * As the app when its bearer token is configured, else with the owner's token (recent search is limited per app
     * or per user token), and only for posts newer than the newest of the runs before.
     */
    public XCall nextPage(@Body SearchRun run) {
        Collection collection = run.collection();
        return requests.searchPage(collection.memberId(), collection.query(), run.pageSize(), run.run().sinceId(),
                run.nextToken());
    }

    /** The page X answered goes to the file, then into the record; a failed call fails the run, the run kept. */
    @Override
    public Exchange aggregate(Exchange collecting, Exchange answered) {
        if (answered.getException() != null) {
            collecting.setException(answered.getException());
            return collecting;
        }
        SearchRun run = collecting.getMessage().getBody(SearchRun.class);
        try {
            collecting.getMessage().setBody(add(run, mapper.readTree(answered.getMessage().getBody(String.class))));
        } catch (JsonProcessingException unreadable) {
            collecting.setException(new XApiException.Rejected("X sent a malformed answer (not JSON): "
                    + unreadable.getOriginalMessage()));
        }
        return collecting;
    }

    private SearchRun add(SearchRun run, JsonNode page) throws JsonProcessingException {
        long id = run.collection().id();
        int tweets = page.path("data").size();
        JsonNode next = page.path("meta").path("next_token");
        String nextToken = next.isTextual() ? next.asText() : null;
        // a page without posts (the last one may be) is not kept, only where it leads
        long length = tweets == 0 ? run.dataLength() : files.append(id, mapper.writeValueAsString(page));
        collections.pageCollected(run.run(), tweets, nextToken, run.dataLength(), length,
                page.path("meta").path("newest_id").asText(null));
        meters.postsFetched(tweets);
        return run.after(tweets, nextToken, length);
    }

    /** The run is over; new posts are new to every summary, which are made again. */
    public CollectOutcome collected(@Body SearchRun run) {
        if (run.run().finishedAt() == null) {
            collections.collected(run.run(), run.run().sinceId() != null && run.stoppedAtCount()
                    ? "stopped at " + run.collection().maxCount() + " posts, the count of each run: older posts "
                            + "since the run before were not collected" : null);
            if (run.collected() > 0) {
                steps.stale(run.collection().id());
            }
        }
        LOG.info("Collection {} step search ended collected: {} posts", run.collection().id(), run.collected());
        return new CollectOutcome(CollectOutcome.Kind.COLLECTED, null);
    }

    /** Another worker took the collection over, or it was deleted: nothing more is recorded by this run. */
    public CollectOutcome leaseLost(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        LOG.info("This run stops: {}", e.getMessage());
        return new CollectOutcome(CollectOutcome.Kind.LEASE_LOST, null);
    }

    /** X's rate limit stopped the run: the pages so far are kept, the rest follows after the reset. */
    public CollectOutcome rateLimited(@Body SearchRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        XApiException.RateLimited limit = ObjectHelper.getException(XApiException.RateLimited.class, e);
        if (limit.held()) {
            // no time is known: the claims wait for the operators to resume
            collections.rateLimited(run.collection().id(), null, HELD);
            LOG.info("Collection {} step search ended paused by the operators: {} posts collected so far",
                    run.collection().id(), run.collected());
            return new CollectOutcome(CollectOutcome.Kind.RATE_LIMITED, limit.retryAt());
        }
        // X's message says which limit: the window's, or the monthly usage cap
        collections.rateLimited(run.collection().id(), limit.retryAt(), limit.getMessage());
        LOG.info("Collection {} step search ended rate limited until {}: {} posts collected so far",
                run.collection().id(), limit.retryAt(), run.collected());
        return new CollectOutcome(CollectOutcome.Kind.RATE_LIMITED, limit.retryAt());
    }

    /** This replica stops: the pages so far are kept, and the next claim resumes after the last one. */
    public CollectOutcome stopped(@Body SearchRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        LOG.info("Collection {} step search ended stopped: {} posts collected so far; {}", run.collection().id(),
                run.collected(), e.getMessage());
        return new CollectOutcome(CollectOutcome.Kind.STOPPED, null);
    }

    /**
     * X was unavailable (5xx, 429 or no answer, at its API or its token endpoint) past the calls' redeliveries: the
     * collection keeps its pages and is tried again later, each time after a longer wait (the archive's retry-delay
     * policy). Not a failed run: a recurring collection does not stop repeating over X's outages.
     */
    public CollectOutcome outage(@Body SearchRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        Instant retryAt = clock.instant().plus(retryPolicy.retryDelayAfter(item == null ? 1 : item.attempts()));
        String detail = "X is unavailable (" + calls.of(e).reason() + "); tried again from " + retryAt;
        collections.retrying(run.collection().id(), retryAt, detail);
        LOG.warn("Collection {} step search ended retrying: {}", run.collection().id(), detail);
        return new CollectOutcome(CollectOutcome.Kind.RETRY, retryAt);
    }

    /**
     * Anything else ends the run as failed: a refusal with X's words (logged on one line: the researcher's query,
     * not a defect), or a failure nobody expected (logged with its stack trace).
     */
    public CollectOutcome failed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e, @Body Object body) {
        CallFailure failure = calls.of(e);
        Long id = body instanceof SearchRun run ? Long.valueOf(run.collection().id())
                : body instanceof Long collectionId ? collectionId : null;
        if (body instanceof SearchRun run && failure.cause() instanceof XApiException.Rejected
                && run.collection().repeat() != null) {
            // X refuses the run as it stands: the next repeat starts a run of its own instead of refusing for ever; a
            // one-off keeps its run, which its owner may collect again, after its last page
            collections.abandon(run.run());
        }
        if (id != null) {
            collections.failed(id, failure.reason());
        }
        if (failure.expected()) {
            LOG.warn("Collection {} step search ended failed: {}", id, failure.reason());
        } else {
            LOG.error("Collection {} step search ended failed unexpectedly", id, failure.cause());
        }
        return new CollectOutcome(CollectOutcome.Kind.FAILED, null);
    }
}
