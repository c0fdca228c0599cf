package org.tweetflow.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the dashboard shows about a member's archive ({@code archive_state}): idle, queued, syncing week k of n,
 * cooling down until T, needs reconnect or failed with a reason, and what the archive on Open Humans holds.
 */
@Component
public class ArchiveStates {

    public static final String IDLE = "idle";
    public static final String QUEUED = "queued";
    public static final String SYNCING = "syncing";
    public static final String COOLING_DOWN = "cooling_down";
    public static final String NEEDS_RECONNECT = "needs_reconnect";
    public static final String FAILED = "failed";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ArchiveStates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A sync starts: its attempt time is what "last attempt" shows. One that goes on after a cooldown (or after a
     * worker that held it was lost) keeps the progress made so far: it is the same sync.
     */
    public void started(long memberId) {
        Timestamp now = now();
        ensure(memberId, now);
        jdbc.update("""
                UPDATE archive_state SET state = ?,
                week_index = CASE WHEN state IN (?, ?) THEN week_index END,
                week_count = CASE WHEN state IN (?, ?) THEN week_count END,
                detail = NULL, cooldown_until = NULL, last_attempt_at = ?, updated_at = ? WHERE member_id = ?""",
                SYNCING, COOLING_DOWN, SYNCING, COOLING_DOWN, SYNCING, now, now, memberId);
    }

    /**
     * Progress: {@code weeksDone} of the {@code weeksDue} weeks this part of the sync plans are fetched. A sync that
     * goes on after a cooldown plans only the weeks still missing: it counts on from the weeks done before, within
     * the total it began with, so "week k of n" keeps its n and k never goes back.
     */
    public void syncing(long memberId, int weeksDone, int weeksDue) {
        Map<String, Object> before = jdbc.queryForMap(
                "SELECT week_index, week_count FROM archive_state WHERE member_id = ?", memberId);
        int total = Math.max(count(before.get("week_count")), weeksDue);
        int done = Math.max(count(before.get("week_index")), total - weeksDue + weeksDone);
        jdbc.update("UPDATE archive_state SET week_index = ?, week_count = ?, updated_at = ? WHERE member_id = ?",
                done, total, now(), memberId);
    }

    /** The archive on Open Humans now holds {@code summary}; a complete sync also counts as the last complete one. */
    public void archived(long memberId, ArchiveSummary summary, long fileId, boolean complete) {
        Timestamp now = now();
        jdbc.update("""
                UPDATE archive_state SET tweets = ?, weeks = ?, first_week = ?, last_week = ?, oh_file_id = ?,
                last_complete_at = CASE WHEN ? THEN ? ELSE last_complete_at END, updated_at = ?
                WHERE member_id = ?""", summary.tweets(), summary.weeks(), text(summary.firstWeek()),
                text(summary.lastWeek()), Long.toString(fileId), complete, now, now, memberId);
    }

    /** Whether the member's syncs wait for them to sign in or connect X again. */
    public boolean awaitsReconnect(long memberId) {
        return jdbc.queryForList("SELECT state FROM archive_state WHERE member_id = ?", String.class, memberId)
                .contains(NEEDS_RECONNECT);
    }

    /** When the member last asked for a sync ("sync now"), if ever. */
    public Optional<Instant> lastSyncRequest(long memberId) {
        return jdbc.queryForList("SELECT sync_requested_at FROM archive_state WHERE member_id = ?", Timestamp.class,
                memberId).stream().filter(Objects::nonNull).findFirst().map(Timestamp::toInstant);
    }

    /** What the dashboard shows about the member's archive. */
    public ArchiveStatus status(long memberId) {
        return jdbc.query("""
                SELECT state, week_index, week_count, detail, cooldown_until, last_complete_at, sync_requested_at,
                tweets, weeks, first_week, last_week, oh_file_id FROM archive_state WHERE member_id = ?""",
                (rs, row) -> new ArchiveStatus(rs.getString("state"), rs.getObject("week_index", Integer.class),
                        rs.getObject("week_count", Integer.class), rs.getString("detail"),
                        instant(rs.getTimestamp("cooldown_until")), instant(rs.getTimestamp("last_complete_at")),
                        instant(rs.getTimestamp("sync_requested_at")), rs.getLong("tweets"), rs.getInt("weeks"),
                        rs.getString("first_week"), rs.getString("last_week"), rs.getString("oh_file_id")),
                memberId).stream().findFirst().orElse(ArchiveStatus.NEVER_SYNCED);
    }

    public void syncRequested(long memberId, Instant at) {
        jdbc.update("UPDATE archive_state SET sync_requested_at = ? WHERE member_id = ?", Timestamp.from(at), memberId);
    }

    /**
     * The member asked for their archive to be deleted (recorded at once, before Open Humans confirms it): a sync
     * uploading from now on withdraws its file.
     */
    public void archiveDeletionRequested(long memberId) {
        Timestamp now = now();
        ensure(memberId, now);
        jdbc.update("UPDATE archive_state SET archive_deleted_at = ? WHERE member_id = ?", now, memberId);
    }

    /** Open Humans confirmed deleting the member's archive: nothing is archived any more. */
    public void archiveDeleted(long memberId) {
        jdbc.update("""
                UPDATE archive_state SET tweets = 0, weeks = 0, first_week = NULL, last_week = NULL, oh_file_id = NULL,
                last_complete_at = NULL, updated_at = ? WHERE member_id = ?""", now(), memberId);
    }

    /** Whether the member asked for their archive to be deleted after {@code since}. */
    public boolean archiveDeletedSince(long memberId, Instant since) {
        return jdbc.queryForList("SELECT archive_deleted_at FROM archive_state WHERE member_id = ?", Timestamp.class,
                memberId).stream().anyMatch(at -> at != null && !at.toInstant().isBefore(since));
    }

    public void queued(long memberId) {
        set(memberId, QUEUED, null);
    }

    public void idle(long memberId) {
        set(memberId, IDLE, null);
    }

    /** The sync pauses until {@code until}; its progress stays for the part after the cooldown. */
    public void coolingDown(long memberId, Instant until, String detail) {
        jdbc.update("UPDATE archive_state SET state = ?, cooldown_until = ?, detail = ?, updated_at = ? "
                + "WHERE member_id = ?", COOLING_DOWN, Timestamp.from(until), abbreviate(detail), now(), memberId);
    }

    public void needsReconnect(long memberId, String detail) {
        set(memberId, NEEDS_RECONNECT, detail);
    }

    public void failed(long memberId, String detail) {
        set(memberId, FAILED, detail);
    }

    /** A state outside a sync: its progress is forgotten. */
    private void set(long memberId, String state, String detail) {
        Timestamp now = now();
        ensure(memberId, now);
        jdbc.update("""
                UPDATE archive_state SET state = ?, cooldown_until = NULL, detail = ?, week_index = NULL,
                week_count = NULL, updated_at = ? WHERE member_id = ?""", state, abbreviate(detail), now, memberId);
    }

    private void ensure(long memberId, Timestamp now) {
        jdbc.update("""
                INSERT INTO archive_state (member_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                memberId, IDLE, now);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static int count(Object column) {
        return column == null ? 0 : ((Number) column).intValue();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String text(IsoWeek week) {
        return week == null ? null : week.toString();
    }

    private static String abbreviate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }
}
