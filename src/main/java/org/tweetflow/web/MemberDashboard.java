package org.tweetflow.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.archive.ArchiveStatus;
import org.tweetflow.archive.WeekPlanner;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.ratelimit.RatePauses;

/** Reads a member's archive state into what the dashboard shows, in words, figures and UTC times. */
@Component
class MemberDashboard {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ArchiveStates states;
    private final Figures figures;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;
    private final CronExpression scan;
    private final RateBudget budget;

    MemberDashboard(ArchiveStates states, Figures figures, Clock clock, TweetflowProperties properties,
            RateBudget budget) {
        this.budget = budget;
        this.states = states;
        this.figures = figures;
        this.clock = clock;
        this.settings = properties.archive();
        this.scan = CronExpression.parse(settings.schedule());
    }

    DashboardView view(Member member) {
        ArchiveStatus status = states.status(member.id());
        boolean held = heldByOperators(status);
        Instant now = clock.instant();
        Instant askAgainFrom = status.syncRequestedAt() == null ? null
                : status.syncRequestedAt().plus(settings.syncNowInterval());
        String syncNowFrom = askAgainFrom != null && askAgainFrom.isAfter(now) ? format(askAgainFrom) : null;
        String syncNowNote = held ? "The sync goes on by itself when fetching from X resumes."
                : syncNowNote(status, syncNowFrom);
        String weekSpan = status.firstWeek() == null ? null : status.firstWeek() + " to " + status.lastWeek();
        return new DashboardView(member.id(), member.twitterUsername(), member.twitterName(), status.state(),
                label(status, held), status.weekIndex(), status.weekCount(),
                status.lastCompleteAt() == null ? "not yet" : format(status.lastCompleteAt()),
                held ? "when fetching from X resumes" : nextSync(status, now),
                status.tweets(), figures.number(status.tweets()), status.weeks(), weekSpan,
                figures.number(status.weeks()) + (weekSpan == null ? "" : " (" + weekSpan + ")"), status.hasArchive(),
                syncNowNote == null, syncNowNote, syncNowFrom, floorNote(member));
    }

    /**
     * Whether the sync waits (queued, or stopped by a refused call) for the operators to resume fetching from X: then
     * it waits for them, whatever time its cooldown says.
     */
    private boolean heldByOperators(ArchiveStatus status) {
        return (ArchiveStates.QUEUED.equals(status.state()) || ArchiveStates.COOLING_DOWN.equals(status.state()))
                && !budget.fetching();
    }

    private String label(ArchiveStatus status, boolean held) {
        if (held) {
            return "Paused: " + RatePauses.BY_THE_OPERATORS + "; your sync goes on when they resume it"
                    + (status.weekCount() == null ? "" : " (week " + progress(status) + ")");
        }
        return switch (status.state()) {
            case ArchiveStates.QUEUED -> "Queued: the sync starts as soon as a worker is free";
            case ArchiveStates.SYNCING -> status.weekCount() == null || status.weekCount() == 0
                    ? "Syncing: reading your archive" : "Syncing: week " + progress(status);
            case ArchiveStates.COOLING_DOWN -> "Cooling down until " + format(status.cooldownUntil()) + ": "
                    + status.detail() + (status.weekCount() == null ? "" : " (week " + progress(status) + ")");
            case ArchiveStates.NEEDS_RECONNECT -> "Needs reconnect: " + status.detail();
            case ArchiveStates.FAILED -> "Failed: " + status.detail()
                    + ". Your archive on Open Humans is as it was; the next sync tries again";
            default -> status.lastCompleteAt() == null ? "Idle: not synced yet" : "Idle: your archive is up to date";
        };
    }

    private String progress(ArchiveStatus status) {
        return figures.number(status.weekIndex()) + " of " + figures.number(status.weekCount());
    }

    /** Why "Sync now" cannot be asked for at the moment; null when it can. */
    private static String syncNowNote(ArchiveStatus status, String askAgainFrom) {
        return switch (status.state()) {
            case ArchiveStates.QUEUED, ArchiveStates.SYNCING -> "A sync is under way.";
            case ArchiveStates.COOLING_DOWN -> "The sync goes on by itself after the cooldown, at "
                    + format(status.cooldownUntil()) + ".";
            case ArchiveStates.NEEDS_RECONNECT -> "Connect your X account again first.";
            default -> askAgainFrom == null ? null
                    : "You asked for a sync a short while ago; you can ask again from " + askAgainFrom + ".";
        };
    }

    /** X serves no posts before its timeline floor: an older account's archive begins there, not at its creation. */
    private static String floorNote(Member member) {
        Instant created = member.twitterCreatedAt();
        if (created == null || !created.isBefore(WeekPlanner.TIMELINE_FLOOR)) {
            return null;
        }
        return "Your X account dates from " + MONTH.format(created) + ", but X serves no posts from before "
                + DAY.format(WeekPlanner.TIMELINE_FLOOR) + ": import the archive X lets you download (below) for the "
                + "posts before then.";
    }

    private String nextSync(ArchiveStatus status, Instant now) {
        return switch (status.state()) {
            case ArchiveStates.QUEUED, ArchiveStates.SYNCING -> "now";
            case ArchiveStates.COOLING_DOWN -> format(status.cooldownUntil());
            case ArchiveStates.NEEDS_RECONNECT -> "after you connect your X account again";
            default -> {
                Instant due = status.lastCompleteAt() == null ? now : status.lastCompleteAt().plus(settings.staleAfter());
                LocalDateTime next = scan.next(LocalDateTime.ofInstant(due.isAfter(now) ? due : now, ZoneOffset.UTC));
                yield next == null ? null : format(next.toInstant(ZoneOffset.UTC));
            }
        };
    }

    static String format(Instant instant) {
        return instant == null ? null : TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
