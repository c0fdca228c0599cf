package org.tweetflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.openhumans.OpenHumansException;
import org.tweetflow.security.MemberTokens;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.twitter.XApiException;
import org.tweetflow.work.WorkItem;
import org.tweetflow.tokens.Provider;

/**
 * The steps of the {@code archive-member} route: one member's sync from the archive on Open Humans to the new one.
 */
@Component("memberSync")
public class MemberSync {

    /** Open Humans answering 401 even to a renewed token is not retried at once for ever. */
    static final int RETRIES_AFTER_RENEWAL = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MemberSync.class);

    private final Members members;
    private final MemberTokens tokens;
    private final ArchiveStreams streams;
    private final WeekPlanner planner;
    private final ArchiveStates states;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;

    public MemberSync(Members members, MemberTokens tokens, ArchiveStreams streams, WeekPlanner planner,
            ArchiveStates states, Clock clock, TweetflowProperties properties) {
        this.members = members;
        this.tokens = tokens;
        this.streams = streams;
        this.planner = planner;
        this.states = states;
        this.clock = clock;
        this.settings = properties.archive();
    }

    /** Body: the member id. Loads the member and fresh tokens of both providers. */
    public void begin(Exchange exchange) {
        long memberId = exchange.getMessage().getBody(Long.class);
        exchange.setProperty(TweetflowExchange.MEMBER_ID, memberId);
        Member member = members.find(memberId)
                .filter(Member::twitterConnected)
                .orElseThrow(() -> new IllegalStateException("member " + memberId + " has no X account connected"));
        exchange.setProperty(TweetflowExchange.SYNC_RUN, new SyncRun(member, clock.instant()));
        states.started(memberId);
        exchange.setProperty(TweetflowExchange.X_USER_ID, member.twitterUserId());
        exchange.setProperty(TweetflowExchange.CREDENTIAL, member.credential());
        exchange.setProperty(TweetflowExchange.ACCESS_TOKEN,
                tokens.accessToken(memberId, Provider.X));
        tokens.actAtOpenHumans(exchange, member);
    }

    /** Body: the archive file found on Open Humans, or null for a member's first sync. */
    public void foundArchive(Exchange exchange) {
        exchange.setProperty(TweetflowExchange.OLD_ARCHIVE, exchange.getMessage().getBody(ArchiveFile.class));
    }

    /** Body: the downloaded copy of the archive. Only its index is read now; the merge streams it later. */
    public void readExisting(Exchange exchange) throws IOException {
        Path copy = exchange.getMessage().getBody(Path.class);
        SyncRun run = run(exchange);
        run.downloaded(copy);
        ArchiveSummary existing;
        try (InputStream in = Files.newInputStream(copy)) {
            existing = streams.index(in);
        }
        JsonNode account = existing.account();
        if (account != null && !account.path("id").asText().equals(run.member().twitterUserId())) {
            throw new ArchiveOfAnotherAccountException("the archive file on Open Humans holds the posts of another "
                    + "X account (@" + account.path("username").asText() + "). Connect that account again, or "
                    + "delete the file on Open Humans and the next sync starts anew");
        }
        run.indexed(existing);
    }

    public void plan(Exchange exchange) {
        SyncRun run = run(exchange);
        run.plan(planner.dueRanges(run.completeWeeks(), run.partlyFetchedAt(), run.member().twitterCreatedAt()));
        states.syncing(run.member().id(), 0, run.weeksDue());
    }

    /** The split's expression: the due ranges, oldest first, until a rate limit stops the sync. */
    public Iterator<WeekRange> pendingRanges(Exchange exchange) {
        return run(exchange).pendingRanges();
    }

    /** Body: the weeks one range fetched (from {@code fetch-week-range}). */
    @SuppressWarnings("unchecked")
    public void rangeFetched(Exchange exchange) {
        SyncRun run = run(exchange);
        run.add(exchange.getMessage().getBody(SortedMap.class));
        states.syncing(run.member().id(), run.weeksDone(), run.weeksDue());
    }

    /**
     * A page of the range being fetched arrived: the dashboard counts the weeks that are whole so far (nothing to
     * count when the range is fetched outside a member's sync).
     */
    public void pageFetched(Exchange exchange) {
        SyncRun run = run(exchange);
        if (run == null) {
            return;
        }
        WeekCollector collector = exchange.getProperty(TweetflowExchange.WEEK_COLLECTOR, WeekCollector.class);
        states.syncing(run.member().id(), run.weeksDone() + collector.wholeWeeks(), run.weeksDue());
    }

    /** The rate limit stopped a range: its whole weeks are kept, the rest of the sync waits for the cooldown. */
    public void rangeInterrupted(Exchange exchange) {
        SyncRun run = run(exchange);
        WeekCollector collector = exchange.getProperty(TweetflowExchange.WEEK_COLLECTOR, WeekCollector.class);
        if (collector != null) {
            run.add(collector.interrupted(clock.instant()));
        }
        run.stop(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, XApiException.RateLimited.class));
        states.syncing(run.member().id(), run.weeksDone(), run.weeksDue());
    }

    /** Merges what was fetched into the existing archive, as a stream, into a temporary file ready to upload. */
    public void merge(Exchange exchange) throws IOException {
        SyncRun run = run(exchange);
        Member member = run.member();
        if (!stillConnected(member)) {
            // e.g. they disconnected X and asked for the archive to be deleted: it must not come back
            throw new SyncCancelledException("member " + member.id() + " disconnected X during the sync");
        }
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", member.twitterUserId());
        account.put("username", member.twitterUsername());
        account.put("name", member.twitterName());
        Instant now = clock.instant();
        Path merged = run.newTemporaryFile("tweetflow-merged-");
        ArchiveSummary summary;
        try (InputStream existing = run.existing() == null ? null : Files.newInputStream(run.existing());
                OutputStream out = Files.newOutputStream(merged)) {
            summary = streams.merge(existing, run.fetched(), account, now, out);
        }
        run.uploaded(summary);
        exchange.setProperty(TweetflowExchange.ARCHIVE_PATH, merged);
        exchange.setProperty(TweetflowExchange.ARCHIVE_METADATA, metadata(member, summary, now));
    }

    /**
     * Body: the id of the new archive file on Open Humans. Should the member have disconnected X and had the
     * archive deleted during the upload, the run is withdrawn and the new file listed for deletion.
     */
    public void uploaded(Exchange exchange) {
        SyncRun run = run(exchange);
        long memberId = run.member().id();
        long fileId = exchange.getMessage().getBody(Long.class);
        if (states.archiveDeletedSince(memberId, run.startedAt())) {
            run.withdraw();
            exchange.setProperty(TweetflowExchange.ARCHIVE_FILES,
                    List.of(new ArchiveFile(fileId, ArchiveFormat.BASENAME, null)));
            return;
        }
        states.archived(memberId, run.uploaded(), fileId, run.stoppedBy() == null);
    }

    public SyncOutcome finish(Exchange exchange) {
        SyncRun run = run(exchange);
        run.close();
        long memberId = run.member().id();
        if (run.isWithdrawn()) {
            LOG.info("Archive sync of member {} withdrawn: the member had the archive deleted meanwhile", memberId);
            return new SyncOutcome(SyncOutcome.Kind.FAILED, null, "cancelled: the member deleted the archive");
        }
        XApiException.RateLimited limit = run.stoppedBy();
        if (limit != null) {
            String detail = (limit.usageCap() ? "X's monthly usage cap is reached" : "X's rate limit is reached")
                    + "; " + run.weeksDone() + " of " + run.weeksDue() + " weeks saved, the rest follows after the cooldown";
            states.coolingDown(memberId, limit.retryAt(), detail);
            LOG.info("Archive sync of member {} paused until {}: {}", memberId, limit.retryAt(), detail);
            return new SyncOutcome(SyncOutcome.Kind.COOLING_DOWN, limit.retryAt(), detail);
        }
        states.idle(memberId);
        LOG.info("Archive sync of member {} complete: {} weeks fetched", memberId, run.weeksDone());
        return new SyncOutcome(SyncOutcome.Kind.SYNCED, null, null);
    }

    /** The sync failed: the archive on Open Humans is as it was before; the member sees why. */
    public SyncOutcome failed(Exchange exchange) {
        Throwable cause = reason(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        SyncRun run = exchange.getProperty(TweetflowExchange.SYNC_RUN, SyncRun.class);
        if (run != null) {
            run.close();
        }
        Long memberId = exchange.getProperty(TweetflowExchange.MEMBER_ID, Long.class);
        if (memberId == null) {
            throw new IllegalStateException("archive sync failed before it knew its member", cause);
        }
        if (cause instanceof LeaseLostException lost) {
            // the worker that took the sync over records its state now
            LOG.warn("Archive sync of member {} stopped: {}", memberId, lost.getMessage());
            return new SyncOutcome(SyncOutcome.Kind.FAILED, null, lost.getMessage());
        }
        boolean disconnected = run != null ? !stillConnected(run.member()) : members.find(memberId).isEmpty();
        if (cause instanceof SyncCancelledException || disconnected) {
            LOG.info("Archive sync of member {} cancelled: the member disconnected X or left", memberId);
            return new SyncOutcome(SyncOutcome.Kind.FAILED, null, "cancelled: the member disconnected X or left");
        }
        if (cause instanceof ReconnectNeededException refused) {
            String detail = refused.provider().equals(Provider.X)
                    ? "X no longer accepts this service's access: connect your X account again"
                    : "Open Humans no longer accepts this service's access: sign in again";
            states.needsReconnect(memberId, detail);
            LOG.warn("Archive sync of member {} needs a reconnect: {}", memberId, refused.getMessage());
            return new SyncOutcome(SyncOutcome.Kind.NEEDS_RECONNECT, null, detail);
        }
        if (cause instanceof OpenHumansException rejected && rejected.status() == 401
                && attempts(exchange) < RETRIES_AFTER_RENEWAL) {
            tokens.renewedAccessToken(memberId, Provider.OPEN_HUMANS,
                    exchange.getProperty(TweetflowExchange.OPEN_HUMANS_TOKEN, String.class));
            states.queued(memberId);
            return new SyncOutcome(SyncOutcome.Kind.RETRY, clock.instant(), "Open Humans token renewed");
        }
        String detail = shortReason(cause);
        if (isOutage(cause)) {
            // the backoff of the single calls did not outlast it: the sync is tried again later, not next day
            Instant retryAt = clock.instant().plus(settings.retryDelayAfter(attempts(exchange)));
            String waiting = detail + "; tried again from " + retryAt;
            states.failed(memberId, waiting);
            LOG.warn("Archive sync of member {} met an outage, the archive on Open Humans is unchanged: {}", memberId,
                    waiting);
            return new SyncOutcome(SyncOutcome.Kind.RETRY, retryAt, waiting);
        }
        states.failed(memberId, detail);
        LOG.warn("Archive sync of member {} failed, the archive on Open Humans is unchanged: {}", memberId, detail);
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, detail);
    }

    /**
     * Whether the failure is a provider's outage rather than a refusal: a 5xx (or Open Humans' 429), a timeout or a
     * broken connection, also under a token refresh. An answer that cannot be read is no outage: trying again
     * reads the same answer.
     */
    private static boolean isOutage(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof MalformedArchiveException) {
                return false;
            }
            if (t instanceof XApiException.Transient || t instanceof IOException || t instanceof ResourceAccessException
                    || t instanceof OpenHumansException failed && overloaded(failed.status())
                    || t instanceof RestClientResponseException failed && overloaded(failed.getStatusCode().value())) {
                return true;
            }
        }
        return false;
    }

    private static boolean overloaded(int status) {
        return status >= 500 || status == 429;
    }

    /** What the member is told: what failed, without the provider's answer body (that goes to the log). */
    private static String shortReason(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        if (cause instanceof OAuth2AuthorizationException refused) {
            return "a token refresh failed (" + refused.getError().getErrorCode() + ")";
        }
        return cause.getMessage();
    }

    /** Whether the member is still here, with the X account this sync is for. */
    private boolean stillConnected(Member syncing) {
        return members.find(syncing.id())
                .filter(now -> Objects.equals(now.twitterUserId(), syncing.twitterUserId())).isPresent();
    }

    /** The exception that says what went wrong, under the wrappers Camel's split and routes add. */
    private static Throwable reason(Throwable caught) {
        Throwable reason = caught;
        while (reason instanceof CamelExchangeException || reason instanceof CamelExecutionException) {
            if (reason.getCause() == null) {
                break;
            }
            reason = reason.getCause();
        }
        return reason;
    }

    private static Map<String, Object> metadata(Member member, ArchiveSummary summary, Instant now) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("description", "Posts of @" + member.twitterUsername()
                + " on Twitter (X), by ISO week, archived by tweetflow");
        metadata.put("tags", List.of("Twitter", "tweets", "tweetflow"));
        metadata.put("updated_at", now.toString());
        metadata.put("format", ArchiveFormat.FORMAT);
        metadata.put("tweets", summary.tweets());
        metadata.put("weeks", summary.weeks());
        metadata.put("first_week", summary.firstWeek() == null ? null : summary.firstWeek().toString());
        metadata.put("last_week", summary.lastWeek() == null ? null : summary.lastWeek().toString());
        return metadata;
    }

    /** How often the work item was claimed already (a direct call of the route counts as the first). */
    private static int attempts(Exchange exchange) {
        WorkItem item = exchange.getProperty(TweetflowExchange.WORK_ITEM, WorkItem.class);
        return item == null ? 1 : item.attempts();
    }

    private static SyncRun run(Exchange exchange) {
        return exchange.getProperty(TweetflowExchange.SYNC_RUN, SyncRun.class);
    }
}
