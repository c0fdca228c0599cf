package org.tweetflow.archive;

import java.time.Clock;
import java.time.Instant;

import org.apache.camel.CamelExchangeException;
import org.apache.camel.CamelExecutionException;
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
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.work.WorkItem;

/**
 * What an archive sync that ended early means for the member and its work item, one method per kind of failure
 * (the {@code doCatch} clauses of {@code archive-member} sort them, asking {@link CallFailures} what a failed call
 * means). Whatever it was, nothing was uploaded after
 * it: the archive on Open Humans is as it was. A member who disconnected or left meanwhile is not told anything.
 */
@Component("syncFailures")
public class SyncFailures {

    private static final Logger LOG = LoggerFactory.getLogger(SyncFailures.class);
    private static final String OWNER = TweetflowExchange.OWNER;
    private static final String CAUGHT = Exchange.EXCEPTION_CAUGHT;

    private final ArchiveOwners owners;
    private final ArchiveStates states;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;
    private final CallFailures calls;

    public SyncFailures(ArchiveOwners owners, ArchiveStates states, Clock clock, TweetflowProperties properties,
            CallFailures calls) {
        this.calls = calls;
        this.owners = owners;
        this.states = states;
        this.clock = clock;
        this.settings = properties.archive();
    }

    /** This replica stopped before the sync began: nothing was done, the item goes back for the next claim. */
    public SyncOutcome notStarted(@ExchangeProperty(CAUGHT) Exception stopping) {
        LOG.info("Archive sync not started: {}", stopping.getMessage());
        return new SyncOutcome(SyncOutcome.Kind.STOPPED, null, stopping.getMessage());
    }

    /** Another worker took the sync over after this one held it past its lease; that one records the state. */
    public SyncOutcome leaseLost(@ExchangeProperty(OWNER) ArchiveOwner owner, @ExchangeProperty(CAUGHT) Exception e) {
        String detail = reason(e).getMessage();
        LOG.warn("Archive sync of member {} stopped: {}", owner.memberId(), detail);
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, detail);
    }

    /** The member withdrew what the sync was for (disconnected X, left, deleted the archive). */
    public SyncOutcome cancelled(@ExchangeProperty(OWNER) ArchiveOwner owner, @ExchangeProperty(CAUGHT) Exception e) {
        String detail = reason(e).getMessage();
        LOG.info("Archive sync of member {} {}", owner == null ? "?" : owner.memberId(), detail);
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, detail);
    }

    /** A provider refused the member's refresh token: nothing more until they sign in or connect X again. */
    public SyncOutcome reconnectNeeded(@ExchangeProperty(OWNER) ArchiveOwner owner,
            @ExchangeProperty(CAUGHT) Exception e) {
        if (!owners.stillConnected(owner)) {
            return cancelled(owner);
        }
        ReconnectNeededException refused = ObjectHelper.getException(ReconnectNeededException.class, e);
        String detail = refused.provider() == Provider.X
                ? "X no longer accepts this service's access: connect your X account again"
                : "Open Humans no longer accepts this service's access: sign in again";
        states.needsReconnect(owner.memberId(), detail);
        LOG.warn("Archive sync of member {} needs a reconnect: {}", owner.memberId(), refused.getMessage());
        return new SyncOutcome(SyncOutcome.Kind.NEEDS_RECONNECT, null, detail);
    }

    /**
     * A provider's outage outlasted the backoff of the single calls (5xx, 429, timeouts, broken connections, also at
     * a token endpoint): the sync is tried again later, each time after a longer wait, not the next day.
     */
    public SyncOutcome outage(@ExchangeProperty(OWNER) ArchiveOwner owner, @ExchangeProperty(CAUGHT) Exception e,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        if (!owners.stillConnected(owner)) {
            return cancelled(owner);
        }
        Instant retryAt = clock.instant().plus(settings.retryDelayAfter(item == null ? 1 : item.attempts()));
        String waiting = calls.of(e).reason() + "; tried again from " + retryAt;
        states.failed(owner.memberId(), waiting);
        LOG.warn("Archive sync of member {} met an outage, the archive on Open Humans is unchanged: {}",
                owner.memberId(), waiting);
        return new SyncOutcome(SyncOutcome.Kind.RETRY, retryAt, waiting);
    }

    /** The archive on Open Humans cannot be read, or is another account's: it reads the same again. */
    public SyncOutcome unusableArchive(@ExchangeProperty(OWNER) ArchiveOwner owner,
            @ExchangeProperty(CAUGHT) Exception e) {
        return failed(owner, reason(e).getMessage(), null);
    }

    /**
     * Anything else: a refusal or an answer that cannot be read, which reads the same again, or a failure nobody
     * expected (logged with its stack trace). The member sees why; the stale scan tries again later.
     */
    public SyncOutcome failed(@ExchangeProperty(OWNER) ArchiveOwner owner, @ExchangeProperty(CAUGHT) Exception e) {
        CallFailure failure = calls.of(e);
        return failed(owner, failure.reason(), failure.expected() ? null : failure.cause());
    }

    /** @param unexpected what the operator needs the stack trace of, or null for a failure said in one line */
    private SyncOutcome failed(ArchiveOwner owner, String detail, Throwable unexpected) {
        if (owner == null) {
            throw new IllegalStateException("archive sync failed before it knew its member: " + detail, unexpected);
        }
        if (!owners.stillConnected(owner)) {
            return cancelled(owner);
        }
        states.failed(owner.memberId(), detail);
        if (unexpected == null) {
            LOG.warn("Archive sync of member {} failed, the archive on Open Humans is unchanged: {}",
                    owner.memberId(), detail);
        } else {
            LOG.error("Archive sync of member {} failed unexpectedly, the archive on Open Humans is unchanged",
                    owner.memberId(), unexpected);
        }
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, detail);
    }

    private static SyncOutcome cancelled(ArchiveOwner owner) {
        LOG.info("Archive sync of member {} {}", owner.memberId(), MemberSync.CANCELLED);
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, MemberSync.CANCELLED);
    }

    /** The exception that says what went wrong, under the wrappers Camel's split and routes add. */
    private static Throwable reason(Throwable caught) {
        Throwable reason = caught;
        while ((reason instanceof CamelExchangeException || reason instanceof CamelExecutionException)
                && reason.getCause() != null) {
            reason = reason.getCause();
        }
        return reason;
    }
}
