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
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.tokens.Provider;
import org.tweetflow.tokens.ReconnectNeededException;
import org.tweetflow.work.WorkItem;

/**
 * What an archive sync that ended early means for the member and its work item, one method per kind of failure
 * (the {@code doCatch} clauses of {@code archive-member} sort them). Whatever it was, nothing was uploaded after
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

    public SyncFailures(ArchiveOwners owners, ArchiveStates states, Clock clock, TweetflowProperties properties) {
        this.owners = owners;
        this.states = states;
        this.clock = clock;
        this.settings = properties.archive();
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
     * A provider's outage outlasted the backoff of the single calls (5xx, timeouts, broken connections, also at a
     * token endpoint): the sync is tried again later, each time after a longer wait, not the next day.
     */
    public SyncOutcome outage(@ExchangeProperty(OWNER) ArchiveOwner owner, @ExchangeProperty(CAUGHT) Exception e,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        if (!owners.stillConnected(owner)) {
            return cancelled(owner);
        }
        Instant retryAt = clock.instant().plus(settings.retryDelayAfter(item == null ? 1 : item.attempts()));
        String waiting = shortReason(reason(e)) + "; tried again from " + retryAt;
        states.failed(owner.memberId(), waiting);
        LOG.warn("Archive sync of member {} met an outage, the archive on Open Humans is unchanged: {}",
                owner.memberId(), waiting);
        return new SyncOutcome(SyncOutcome.Kind.RETRY, retryAt, waiting);
    }

    /**
     * Anything else: a refusal or an answer that cannot be read, which reads the same again. The member sees why;
     * the stale scan tries again later.
     */
    public SyncOutcome failed(@ExchangeProperty(OWNER) ArchiveOwner owner, @ExchangeProperty(CAUGHT) Exception e) {
        if (owner == null) {
            throw new IllegalStateException("archive sync failed before it knew its member", reason(e));
        }
        if (!owners.stillConnected(owner)) {
            return cancelled(owner);
        }
        String detail = shortReason(reason(e));
        states.failed(owner.memberId(), detail);
        LOG.warn("Archive sync of member {} failed, the archive on Open Humans is unchanged: {}", owner.memberId(),
                detail);
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, detail);
    }

    private static SyncOutcome cancelled(ArchiveOwner owner) {
        LOG.info("Archive sync of member {} {}", owner.memberId(), MemberSync.CANCELLED);
        return new SyncOutcome(SyncOutcome.Kind.FAILED, null, MemberSync.CANCELLED);
    }

    /** What the member is told: what failed, without the provider's answer body (that goes to the log). */
    private static String shortReason(Throwable cause) {
        if (cause instanceof OAuth2AuthorizationException refused) {
            return "a token refresh failed (" + refused.getError().getErrorCode() + ")";
        }
        return cause.getMessage();
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
