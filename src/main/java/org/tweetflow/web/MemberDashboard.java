package org.tweetflow.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.archive.ArchiveStatus;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;

/** Reads a member's archive state into what the dashboard shows, in words and UTC times. */
@Component
class MemberDashboard {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ArchiveStates states;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;
    private final CronExpression scan;

    MemberDashboard(ArchiveStates states, Clock clock, TweetflowProperties properties) {
        this.states = states;
        this.clock = clock;
        this.settings = properties.archive();
        this.scan = CronExpression.parse(settings.schedule());
    }

    DashboardView view(Member member) {
        ArchiveStatus status = states.status(member.id());
        Instant now = clock.instant();
        Instant syncNowFrom = status.syncRequestedAt() == null ? null
                : status.syncRequestedAt().plus(settings.syncNowInterval());
        return new DashboardView(member.id(), member.twitterUsername(), member.twitterName(), status.state(),
                label(status), status.weekIndex(), status.weekCount(),
                status.lastCompleteAt() == null ? "not yet" : format(status.lastCompleteAt()), nextSync(status, now),
                status.tweets(), status.weeks(), status.firstWeek() == null ? null : status.firstWeek() + " to " + status.lastWeek(),
                status.hasArchive(),
                syncNowFrom != null && syncNowFrom.isAfter(now) ? format(syncNowFrom) : null);
    }

    private static String label(ArchiveStatus status) {
        return switch (status.state()) {
            case ArchiveStates.QUEUED -> "Queued: the sync starts as soon as a worker is free";
            case ArchiveStates.SYNCING -> status.weekCount() == null || status.weekCount() == 0
                    ? "Syncing: reading your archive" : "Syncing: week " + status.weekIndex() + " of " + status.weekCount();
            case ArchiveStates.COOLING_DOWN -> "Cooling down until " + format(status.cooldownUntil()) + ": "
                    + status.detail();
            case ArchiveStates.NEEDS_RECONNECT -> "Needs reconnect: " + status.detail();
            case ArchiveStates.FAILED -> "Failed: " + status.detail()
                    + ". Your archive on Open Humans is as it was; the next sync tries again";
            default -> status.lastCompleteAt() == null ? "Idle: not synced yet" : "Idle: your archive is up to date";
        };
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
