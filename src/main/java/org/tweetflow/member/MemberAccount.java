package org.tweetflow.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveDeletions;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.archive.export.ArchiveImports;
import org.tweetflow.calls.CallFailure;
import org.tweetflow.calls.CallFailures;
import org.tweetflow.collect.CollectionDeletions;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.MemberToken;
import org.tweetflow.tokens.Provider;
import org.tweetflow.twitter.XAccount;

/**
 * What a member does with their account: sign in, connect X, ask for a sync, disconnect X, leave. An action that
 * calls X or Open Humans waits for it at most {@code tweetflow.web.provider-wait}: the routes redeliver a failing
 * call for minutes, and no page may be held that long. The call itself always runs to its end.
 */
@Component
public class MemberAccount {

    private static final Logger LOG = LoggerFactory.getLogger(MemberAccount.class);

    private static final String IDENTIFY_X_ACCOUNT = "direct:identify-x-account";
    private static final String REVOKE_X_TOKEN = "direct:revoke-x-token";
    private static final String DELETE_MEMBER_ARCHIVE = "direct:delete-member-archive";
    private static final String FIND_MEMBER_ARCHIVE = "direct:find-member-archive";

    private final Members members;
    private final AccessTokens tokens;
    private final ArchiveQueue queue;
    private final ArchiveStates states;
    private final ArchiveDeletions deletions;
    private final ArchiveImports imports;
    private final CollectionDeletions collections;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final Duration syncNowInterval;
    private final Duration providerWait;
    private final CallFailures calls;

    public MemberAccount(Members members, AccessTokens tokens, ArchiveQueue queue, ArchiveStates states,
            ArchiveDeletions deletions, ArchiveImports imports, CollectionDeletions collections,
            ProducerTemplate camel, Clock clock, TweetflowProperties properties, CallFailures calls) {
        this.calls = calls;
        this.members = members;
        this.tokens = tokens;
        this.queue = queue;
        this.states = states;
        this.deletions = deletions;
        this.imports = imports;
        this.collections = collections;
        this.camel = camel;
        this.clock = clock;
        this.syncNowInterval = properties.archive().syncNowInterval();
        this.providerWait = properties.web().providerWait();
    }

    /**
     * The member signed in with Open Humans (and holds new Open Humans tokens now): they exist here from then on.
     *
     * @param openHumansUsername their Open Humans username, when Open Humans said it
     */
    public Member signedIn(String projectMemberId, String openHumansUsername) {
        Member member = members.ensure(projectMemberId);
        if (openHumansUsername != null) {
            members.signedIn(member.id(), openHumansUsername);
        }
        if (member.twitterConnected() && states.awaitsReconnect(member.id())) {
            // Open Humans had refused the old refresh token; with the new tokens the syncs can go on (if it was
            // X that refused, the sync says so again and the dashboard offers to connect X again)
            queue.queue(member.id(), "signed-in");
        }
        return member;
    }

    /**
     * X has just authorized this service: find out which account it is and queue the first sync at once.
     *
     * @throws ProviderSlowException when X has not said it within the wait; the account is connected when it does
     */
    public XAccount connectTwitter(Member member) {
        return within(start(IDENTIFY_X_ACCOUNT, member.id())
                .thenApply(identified -> connected(member,
                        answer(identified, XAccount.class, "X did not say which account was connected"))),
                "X has not said yet which account was connected");
    }

    /**
     * Records the account X named, unless the member disconnected X while X was slow to name it: their token is gone
     * then, and the account must not come back.
     */
    private XAccount connected(Member member, XAccount account) {
        if (tokens.tokenToRevoke(member.id(), Provider.X).isEmpty()) {
            LOG.info("X named the account of member {} after they had disconnected it; it is not recorded", member.id());
            return account;
        }
        boolean sameAccount = account.id().equals(member.twitterUserId());
        members.connectTwitter(member.id(), account.id(), account.username(), account.name(), account.createdAt());
        // a repeated visit of the callback queues nothing; a new account, or one X had refused, syncs at once
        if (!sameAccount || states.awaitsReconnect(member.id())) {
            queue.queue(member.id(), "connected");
        }
        return account;
    }

    /**
     * "Sync now", at most once per {@code sync-now-interval}.
     *
     * @return empty when queued (or already queued), else the time from which the member may ask again
     */
    public Optional<Instant> requestSync(long memberId) {
        Instant now = clock.instant();
        Optional<Instant> askAgainFrom = states.lastSyncRequest(memberId).map(last -> last.plus(syncNowInterval))
                .filter(now::isBefore);
        if (askAgainFrom.isEmpty() && queue.queue(memberId, "requested")) {
            states.syncRequested(memberId, now);
        }
        return askAgainFrom;
    }

    /**
     * Forgets the X account here and revokes the token at X; the archive on Open Humans goes only if asked. The
     * account is forgotten first, so a sync running meanwhile stops before it uploads anything. The revocation and
     * the deletion start together and are waited for at most provider-wait; what is not done by then goes on (the
     * deletion as the durable work item it is).
     *
     * @return whether Open Humans confirmed deleting the archive; false when it is kept, or when Open Humans did not
     *         answer (in time) and the deletion is tried again later
     */
    public boolean disconnectTwitter(Member member, boolean deleteArchive) {
        members.disconnectTwitter(member.id());
        queue.dequeue(member.id());
        states.idle(member.id());
        CompletableFuture<?> revoked = revokeTwitter(member.id());
        if (!deleteArchive) {
            // an X export they uploaded is imported without X too
            imports.pending(member.id()).ifPresent(pending -> queue.queueImport(member.id()));
            awaitQuietly(revoked);
            return false;
        }
        // the archive goes, and the posts of an import not yet merged must not bring it back
        imports.forget(member.id());
        Optional<CompletableFuture<Exchange>> deletion = deletions.request(member.id())
                .map(item -> start(DELETE_MEMBER_ARCHIVE, item));
        awaitQuietly(CompletableFuture.allOf(revoked, deletion.orElse(CompletableFuture.completedFuture(null))));
        deletion.filter(CompletableFuture::isDone).ifPresent(
                done -> answer(done.join(), Object.class, "The archive deletion could not be recorded"));
        return !deletions.pending(member.id());
    }

    /** Whether the member's archive is still being deleted from Open Humans. */
    public boolean archiveDeletionPending(Member member) {
        return deletions.pending(member.id());
    }

    /**
     * Forgets the member here, their collections and their files too. Their archive on Open Humans stays theirs; the
     * X token is given back first.
     */
    public void delete(Member member) {
        awaitQuietly(revokeTwitter(member.id()));
        queue.dequeue(member.id());
        imports.forget(member.id());
        collections.deleteAllOf(member.id());
        members.delete(member.id());
    }

    /**
     * Gives the member's X token back to X. It is forgotten here at once: the member wants out, and X lets an unused
     * token lapse should the revocation fail. The revocation carries the token itself, so it still reaches X when the
     * member has left meanwhile, and never revokes a token they connected since.
     */
    private CompletableFuture<?> revokeTwitter(long memberId) {
        Optional<MemberToken> token = tokens.tokenToRevoke(memberId, Provider.X);
        if (token.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        tokens.forget(memberId, Provider.X);
        return start(REVOKE_X_TOKEN, token.get());
    }

    /**
     * The download address of the member's archive on Open Humans (short-lived, signed), if there is one.
     *
     * @throws ProviderSlowException when Open Humans has not listed the member's files within the wait; asking
     *                               again is safe
     */
    public Optional<String> archiveDownloadUrl(Member member) {
        return within(start(FIND_MEMBER_ARCHIVE, member.id())
                .thenApply(found -> Optional.ofNullable(
                        answer(found, ArchiveFile.class, "Open Humans did not list the member's files"))
                        .map(ArchiveFile::downloadUrl)),
                "Open Humans has not listed the member's files yet");
    }

    /**
     * Runs a route for the member's action; it runs to its end, redeliveries included, whoever still waits. A failure
     * is logged here, since the page may have answered long before.
     */
    private CompletableFuture<Exchange> start(String route, Object body) {
        return camel.asyncSend(route, exchange -> exchange.getMessage().setBody(body)).whenComplete((done, broken) -> {
            Throwable failure = broken != null ? broken : done.getException();
            if (failure != null) {
                CallFailure meaning = calls.of(failure);
                if (meaning.expected()) {
                    LOG.warn("{} for {} failed: {}", route, body, meaning.reason());
                } else {
                    LOG.error("{} for {} failed unexpectedly", route, body, meaning.cause());
                }
            }
        });
    }

    /** The route's answer; what it could not do fails the member's action with {@code failure}. */
    private static <T> T answer(Exchange done, Class<T> type, String failure) {
        if (done.getException() != null) {
            throw new IllegalStateException(failure, done.getException());
        }
        return done.getMessage().getBody(type);
    }

    /** The action's result, if it comes within the wait. */
    private <T> T within(CompletableFuture<T> action, String slow) {
        try {
            return action.get(providerWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            throw new ProviderSlowException(slow + " after " + providerWait);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProviderSlowException(slow + ": the request was interrupted");
        }
    }

    /** Waits for what the page reports on, at most the wait; the rest goes on in the background. */
    private void awaitQuietly(CompletableFuture<?> action) {
        try {
            action.get(providerWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            LOG.info("A provider call of a member's action goes on after {} in the background", providerWait);
        } catch (ExecutionException failed) {
            // reported by whoever reads the action's result
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
