package org.tweetflow.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveStates;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.member.Member;

/** Reads a member's archive state into what the dashboard shows, in words and UTC times. */
@Component
class MemberDashboard {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final Row NEVER_SYNCED = new Row(ArchiveStates.IDLE, null, null, null, null, null, null, 0, 0,
            null, null, null);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TweetflowProperties.Archive settings;
    private final CronExpression scan;

    MemberDashboard(JdbcTemplate jdbc, Clock clock, TweetflowProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.archive();
        this.scan = CronExpression.parse(settings.schedule());
    }

    DashboardView view(Member member) {
        Row row = jdbc.query("""
                SELECT state, week_index, week_count, detail, cooldown_until, last_complete_at, sync_requested_at,
                tweets, weeks, first_week, last_week, oh_file_id FROM archive_state WHERE member_id = ?""",
                MemberDashboard::row, member.id()).stream().findFirst().orElse(NEVER_SYNCED);
        Instant now = clock.instant();
        Instant syncNowFrom = row.syncRequested() == null ? null
                : row.syncRequested().plus(settings.syncNowInterval());
        return new DashboardView(member.id(), member.twitterUsername(), member.twitterName(), row.state(),
                label(row), row.weekIndex(), row.weekCount(),
                row.lastComplete() == null ? "not yet" : format(row.lastComplete()), nextSync(row, now),
                row.tweets(), row.weeks(), row.firstWeek() == null ? null : row.firstWeek() + " to " + row.lastWeek(),
                row.fileId() != null,
                syncNowFrom != null && syncNowFrom.isAfter(now) ? format(syncNowFrom) : null);
    }

    private static String label(Row row) {
        return switch (row.state()) {
            case ArchiveStates.QUEUED -> "Queued: the sync starts as soon as a worker is free";
            case ArchiveStates.SYNCING -> row.weekCount() == null || row.weekCount() == 0
                    ? "Syncing: reading your archive" : "Syncing: week " + row.weekIndex() + " of " + row.weekCount();
            case ArchiveStates.COOLING_DOWN -> "Cooling down until " + format(row.cooldownUntil()) + ": "
                    + row.detail();
            case ArchiveStates.NEEDS_RECONNECT -> "Needs reconnect: " + row.detail();
            case ArchiveStates.FAILED -> "Failed: " + row.detail()
                    + ". Your archive on Open Humans is as it was; the next sync tries again";
            default -> row.lastComplete() == null ? "Idle: not synced yet" : "Idle: your archive is up to date";
        };
    }

    private String nextSync(Row row, Instant now) {
        return switch (row.state()) {
            case ArchiveStates.QUEUED, ArchiveStates.SYNCING -> "now";
            case ArchiveStates.COOLING_DOWN -> format(row.cooldownUntil());
            case ArchiveStates.NEEDS_RECONNECT -> "after you connect your X account again";
            default -> {
                Instant due = row.lastComplete() == null ? now : row.lastComplete().plus(settings.staleAfter());
                LocalDateTime next = scan.next(LocalDateTime.ofInstant(due.isAfter(now) ? due : now, ZoneOffset.UTC));
                yield next == null ? null : format(next.toInstant(ZoneOffset.UTC));
            }
        };
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("state"), rs.getObject("week_index", Integer.class),
                rs.getObject("week_count", Integer.class), rs.getString("detail"),
                instant(rs.getTimestamp("cooldown_until")), instant(rs.getTimestamp("last_complete_at")),
                instant(rs.getTimestamp("sync_requested_at")), rs.getLong("tweets"), rs.getInt("weeks"),
                rs.getString("first_week"), rs.getString("last_week"), rs.getString("oh_file_id"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String format(Instant instant) {
        return instant == null ? null : TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private record Row(String state, Integer weekIndex, Integer weekCount, String detail, Instant cooldownUntil,
            Instant lastComplete, Instant syncRequested, long tweets, int weeks, String firstWeek, String lastWeek,
            String fileId) {
    }
}
