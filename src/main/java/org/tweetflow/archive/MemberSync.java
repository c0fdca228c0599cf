package org.tweetflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.ratelimit.RatePauses;
import org.tweetflow.twitter.XApiException;

/**
 * The steps of the {@code archive-member} route that know the member: who is synced, what their archive holds,
 * which weeks are due, how far the sync got, and how it ended. Each takes what the steps before it produced.
 */
@Component("memberSync")
public class MemberSync {

    static final String CANCELLED = "cancelled: the member disconnected X or left";
    /** The operators paused fetching from X (RateBudget#pauseAll). */
    static final String HELD = RatePauses.BY_THE_OPERATORS + "; what is fetched is saved, the rest "
            + "follows when they resume it";

    private static final Logger LOG = LoggerFactory.getLogger(MemberSync.class);

    private final ArchiveOwners owners;
    private final ArchiveStreams streams;
    private final WeekPlanner planner;
    private final ArchiveStates states;

    public MemberSync(ArchiveOwners owners, ArchiveStreams streams, WeekPlanner planner, ArchiveStates states) {
        this.owners = owners;
        this.streams = streams;
        this.planner = planner;
        this.states = states;
    }

    /**
     * Body: the member id. Whose archive it is; a member who left, or disconnected X meanwhile, is not synced, unless
     * the run merges an X export they uploaded (a member may import before connecting X).
     *
     * @param importing the import this run merges ({@code PendingImport}), or null
     */
    public ArchiveOwner begin(@Body long memberId, @ExchangeProperty(TweetflowExchange.IMPORT) Object importing) {
        ArchiveOwner owner = owners.owner(memberId).filter(found -> found.xConnected() || importing != null)
                .orElseThrow(() -> new SyncCancelledException(CANCELLED));
        states.started(memberId);
        LOG.info("Archive sync of member {} started", memberId);
        return owner;
    }

    /**
     * Body: the copy of every archive file downloaded ({@code archiveCopies}, kept until the sync ends). Only its
     * index is read now; the merge streams it later.
     */
    public ExistingArchive readExisting(@Body Path copy, @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner)
            throws IOException {
        ArchiveSummary existing;
        try (InputStream in = Files.newInputStream(copy)) {
            existing = streams.index(in);
        }
        if (owner.xConnected() && existing.account() != null
                && !existing.account().path("id").asText().equals(owner.xAccount().id())) {
            throw new ArchiveOfAnotherAccountException("the archive file on Open Humans holds the posts of another "
                    + "X account (@" + existing.account().path("username").asText() + "). Connect that account "
                    + "again, or delete the file on Open Humans and the next sync starts anew");
        }
        return new ExistingArchive(copy, existing);
    }

    /** The member has no archive on Open Humans yet. */
    public ExistingArchive firstSync() {
        return ExistingArchive.NONE;
    }

    /** The weeks to fetch from X: none for a member who only imports their X export (X not connected). */
    public SyncPlan plan(@ExchangeProperty(TweetflowExchange.EXISTING_ARCHIVE) ExistingArchive existing,
            @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner) {
        SyncPlan plan = !owner.xConnected() ? new SyncPlan(List.of())
                : new SyncPlan(planner.dueRanges(existing.completeWeeks(), existing.partlyFetchedAt(),
                existing.resumeUntilIds(), owner.xAccount().createdAt()));
        states.syncing(owner.memberId(), 0, plan.weeksDue());
        return plan;
    }

    /**
     * A page of a range arrived: the dashboard counts the weeks that are whole so far (nothing to count when a range
     * is fetched outside a member's sync).
     */
    public void pageFetched(@Body WeekCollector range, @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner,
            @ExchangeProperty(TweetflowExchange.PLAN) SyncPlan plan) {
        if (plan != null) {
            states.syncing(owner.memberId(), plan.weeksBefore(range.range()) + range.wholeWeeks(), plan.weeksDue());
        }
    }

    /** Every due week is in the archive on Open Humans. */
    public SyncOutcome synced(@ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner,
            @ExchangeProperty(TweetflowExchange.FETCHED) FetchedWeeks fetched) {
        states.idle(owner.memberId());
        LOG.info("Archive sync of member {} ended synced: {} weeks, {} posts fetched", owner.memberId(),
                fetched.weeks().size(), fetched.posts());
        return new SyncOutcome(SyncOutcome.Kind.SYNCED, null, null);
    }

    /** A rate limit stopped the fetching: what was whole is uploaded, the rest waits for the reset. */
    public SyncOutcome coolDown(@ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner,
            @ExchangeProperty(TweetflowExchange.FETCHED) FetchedWeeks fetched,
            @ExchangeProperty(TweetflowExchange.PLAN) SyncPlan plan) {
        XApiException.RateLimited limit = fetched.rateLimit();
        // the weeks saved are counted by the archive state, across every part of the sync (the dashboard says them)
        String detail = limit.held() ? HELD
                : (limit.usageCap() ? "X's monthly usage cap is reached" : "X's rate limit is reached")
                        + "; what is fetched is saved, the rest follows after the cooldown";
        states.coolingDown(owner.memberId(), limit.retryAt(), detail);
        LOG.info("Archive sync of member {} ended cooling down until {}: {} of {} weeks due, {} posts fetched; {}",
                owner.memberId(), limit.retryAt(), fetched.weeks().size(), plan.weeksDue(), fetched.posts(), detail);
        return new SyncOutcome(SyncOutcome.Kind.COOLING_DOWN, limit.retryAt(), detail);
    }

    /**
     * This replica stops: what was whole is uploaded, and the sync goes on with the next claim (another replica, or
     * this one restarted). The member still sees it syncing, week k of n: it is the same sync.
     */
    public SyncOutcome stopped(@ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner,
            @ExchangeProperty(TweetflowExchange.FETCHED) FetchedWeeks fetched,
            @ExchangeProperty(TweetflowExchange.PLAN) SyncPlan plan) {
        String detail = fetched.stoppedBy().getMessage();
        LOG.info("Archive sync of member {} ended stopped: {} of {} weeks due, {} posts fetched and saved; {}",
                owner.memberId(), fetched.weeks().size(), plan.weeksDue(), fetched.posts(), detail);
        return new SyncOutcome(SyncOutcome.Kind.STOPPED, null, detail);
    }
}
