package org.tweetflow.member;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveDeletions;
import org.tweetflow.archive.ArchiveQueue;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.twitter.XAccount;
import org.tweetflow.tokens.AccessTokens;
import org.tweetflow.tokens.Provider;

/** What a member does with their account: connect X, ask for a sync, disconnect X, leave. */
@Component
public class MemberAccount {

    private static final Logger LOG = LoggerFactory.getLogger(MemberAccount.class);

    private final Members members;
    private final AccessTokens tokens;
    private final ArchiveQueue queue;
    private final ArchiveStates states;
    private final ArchiveDeletions deletions;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final Duration syncNowInterval;

    public MemberAccount(Members members, AccessTokens tokens,
            ArchiveQueue queue, ArchiveStates states, ArchiveDeletions deletions, ProducerTemplate camel, Clock clock,
            TweetflowProperties properties) {
        this.members = members;
        this.tokens = tokens;
        this.queue = queue;
        this.states = states;
        this.deletions = deletions;
        this.camel = camel;
        this.clock = clock;
        this.syncNowInterval = properties.archive().syncNowInterval();
    }

    /** X has just authorized this service: find out which account it is and queue the first sync at once. */
    public XAccount connectTwitter(Member member) {
        XAccount account = call("direct:identify-x-account", exchange -> exchange.getMessage().setBody(member.id()),
                "X did not say which account was connected").getMessage().getBody(XAccount.class);
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
     * account is forgotten first, so a sync running meanwhile stops before it uploads anything.
     *
     * @return whether Open Humans confirmed deleting the archive; false when it is kept, or when Open Humans did not
     *         answer and the deletion is tried again later
     */
    public boolean disconnectTwitter(Member member, boolean deleteArchive) {
        members.disconnectTwitter(member.id());
        queue.dequeue(member.id());
        states.idle(member.id());
        revokeTwitter(member);
        if (!deleteArchive) {
            return false;
        }
        deletions.request(member.id()).ifPresent(deletion -> call("direct:delete-member-archive",
                exchange -> exchange.getMessage().setBody(deletion), "The archive deletion could not be recorded"));
        return !deletions.pending(member.id());
    }

    /** Whether the member's archive is still being deleted from Open Humans. */
    public boolean archiveDeletionPending(Member member) {
        return deletions.pending(member.id());
    }

    /** Forgets the member here. Their archive on Open Humans stays theirs; the X token is given back first. */
    public void delete(Member member) {
        revokeTwitter(member);
        queue.dequeue(member.id());
        members.delete(member.id());
    }

    private void revokeTwitter(Member member) {
        Exchange revoked = camel.send("direct:revoke-x-token", exchange -> exchange.getMessage().setBody(member.id()));
        if (revoked.getException() != null) {
            // The member wants out: forget the token here anyway; X lets it lapse unused.
            LOG.warn("X did not confirm the revocation for member {}: {}", member.id(),
                    revoked.getException().getMessage());
        }
        tokens.forget(member.id(), Provider.X);
    }

    /** Runs a route for the member; what it could not do fails the member's action with {@code failure}. */
    private Exchange call(String route, Processor asMember, String failure) {
        Exchange answer = camel.send(route, asMember);
        if (answer.getException() != null) {
            throw new IllegalStateException(failure, answer.getException());
        }
        return answer;
    }

    /** The download address of the member's archive on Open Humans (short-lived, signed), if there is one. */
    public Optional<String> archiveDownloadUrl(Member member) {
        Exchange found = call("direct:find-member-archive", exchange -> exchange.getMessage().setBody(member.id()),
                "Open Humans did not list the member's files");
        return Optional.ofNullable(found.getMessage().getBody(ArchiveFile.class))
                .map(ArchiveFile::downloadUrl);
    }
}
