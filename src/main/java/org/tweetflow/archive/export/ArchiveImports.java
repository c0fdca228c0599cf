package org.tweetflow.archive.export;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's latest import of their X data export ({@code archive_import}): receiving the upload, queued for the
 * member's archive run, importing, and how it ended (done, refused with a reason, failed). While one is under way
 * the member cannot start another: both would merge into the same archive.
 */
@Component
public class ArchiveImports {

    public static final String RECEIVING = "receiving";
    public static final String QUEUED = "queued";
    public static final String IMPORTING = "importing";
    public static final String DONE = "done";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";
    static final Set<String> UNDER_WAY = Set.of(RECEIVING, QUEUED, IMPORTING);

    /**
     * An upload that said nothing for this long was broken off with its replica (a crash, a kill): the member may
     * start another. A live upload says something every few MB (ExportUploads).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    /** Why an upload that broke off (the browser went away, or the replica reading it) ended. */
    public static final String BROKEN_OFF = "The upload broke off before its end, so nothing was imported. Please "
            + "upload the export again.";

    private static final String COLUMNS = """
            state, posts_file, account_id, account_username, account_name, exported_at, posts_read, files_read,
            files_not_read, weeks, detail, started_at, updated_at, finished_at""";

    private final JdbcTemplate jdbc;
    private final ImportFiles files;
    private final Clock clock;

    public ArchiveImports(JdbcTemplate jdbc, ImportFiles files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

    /**
     * An upload begins: the file its posts are to be kept in; none while another import of the member is under way
     * (an upload broken off with its replica long ago is not: its file goes).
     */
    public Optional<Path> begin(long memberId) {
        Optional<Row> before = row(memberId);
        if (before.isPresent() && before.get().underWay() && !before.get().abandoned(clock.instant())) {
            return Optional.empty();
        }
        forget(memberId);
        Path posts = files.newFile(memberId);
        Timestamp now = now();
        if (jdbc.update("""
                INSERT INTO archive_import (member_id, state, posts_file, started_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", memberId, RECEIVING, posts.toString(), now, now) == 0) {
            // another upload of the member began this very moment (on another replica too)
            return Optional.empty();
        }
        return Optional.of(posts);
    }

    /**
     * The upload into {@code posts} goes on: {@code postsRead} posts so far (also its sign of life). False once
     * another upload took its place (this one was taken for abandoned).
     */
    public boolean receiving(long memberId, Path posts, long postsRead) {
        return jdbc.update("""
                UPDATE archive_import SET posts_read = ?, updated_at = ?
                WHERE member_id = ? AND state = ? AND posts_file = ?""", postsRead, now(), memberId, RECEIVING,
                posts.toString()) == 1;
    }

    /**
     * The upload into {@code posts} is read and its account checked: the member's archive run merges it. False once
     * another upload took its place.
     */
    public boolean received(long memberId, Path posts, ExportContents contents, ExportAccount account,
            Instant exportedAt) {
        return jdbc.update("""
                UPDATE archive_import SET state = ?, account_id = ?, account_username = ?, account_name = ?,
                exported_at = ?, posts_read = ?, files_read = ?, files_not_read = ?, updated_at = ?
                WHERE member_id = ? AND state = ? AND posts_file = ?""", QUEUED, account.id(), account.username(),
                account.name(), Timestamp.from(exportedAt), contents.posts(), filesRead(contents),
                contents.filesNotRead(), now(), memberId, RECEIVING, posts.toString()) == 1;
    }

    /** The member's archive run merges the import now. */
    public void importing(long memberId) {
        jdbc.update("UPDATE archive_import SET state = ?, updated_at = ? WHERE member_id = ? AND state IN (?, ?)",
                IMPORTING, now(), memberId, QUEUED, IMPORTING);
    }

    /** The export's posts are sorted into {@code weeks} weeks, which the run merges into the archive. */
    public void sorted(long memberId, int weeks) {
        jdbc.update("UPDATE archive_import SET weeks = ?, updated_at = ? WHERE member_id = ? AND state = ?", weeks,
                now(), memberId, IMPORTING);
    }

    /** The archive on Open Humans holds the export's posts read into {@code posts}, which go now. */
    public void done(long memberId, Path posts) {
        end(memberId, posts, DONE, null);
    }

    /**
     * The upload into {@code posts} is not one tweetflow imports; {@code reason} says why, for the member. Nothing
     * changed, and the posts read go.
     */
    public void refused(long memberId, Path posts, String reason) {
        end(memberId, posts, REFUSED, reason);
    }

    /**
     * The import of the posts in {@code posts} could not be done; {@code reason} says why. The archive on Open
     * Humans is as it was, and the posts read go.
     */
    public void failed(long memberId, Path posts, String reason) {
        end(memberId, posts, FAILED, reason);
    }

    /** The import the member's archive run has to merge, if any. */
    public Optional<PendingImport> pending(long memberId) {
        return row(memberId).filter(row -> QUEUED.equals(row.state) || IMPORTING.equals(row.state))
                .filter(row -> row.postsFile != null)
                .map(row -> new PendingImport(memberId, Path.of(row.postsFile), row.status.account(),
                        row.status.exportedAt()));
    }

    /** The member's latest import, as they see it: an upload broken off with its replica as the failure it is. */
    public Optional<ImportStatus> status(long memberId) {
        Instant now = clock.instant();
        return row(memberId).map(row -> !row.abandoned(now) ? row.status : new ImportStatus(FAILED,
                row.status.account(), row.status.exportedAt(), row.status.postsRead(), row.status.filesRead(),
                row.status.filesNotRead(), row.status.weeks(), BROKEN_OFF, row.status.startedAt(), null));
    }

    /**
     * Ends the uploads that broke off with their replica (a crash, a kill: silent past {@link #ABANDONED_AFTER}) as
     * failed, and deletes the posts they had read. The number ended.
     */
    public int endAbandoned() {
        List<Map<String, Object>> abandoned = jdbc.queryForList("""
                SELECT member_id, posts_file FROM archive_import WHERE state = ? AND updated_at < ?""", RECEIVING,
                Timestamp.from(clock.instant().minus(ABANDONED_AFTER)));
        for (Map<String, Object> upload : abandoned) {
            end(((Number) upload.get("member_id")).longValue(), Path.of((String) upload.get("posts_file")), FAILED,
                    BROKEN_OFF);
        }
        return abandoned.size();
    }

    /** The member leaves, or their archive is deleted: their import goes, its posts file too. */
    public void forget(long memberId) {
        Optional<String> file = row(memberId).map(Row::postsFile);
        jdbc.update("DELETE FROM archive_import WHERE member_id = ?", memberId);
        file.map(Path::of).ifPresent(files::delete);
    }

    /**
     * However an import ends, the posts read from its upload go with it. Only that import's row changes: another
     * upload may have taken the place of one taken for abandoned.
     */
    private void end(long memberId, Path posts, String state, String detail) {
        Timestamp now = now();
        jdbc.update("""
                UPDATE archive_import SET state = ?, detail = ?, posts_file = NULL, updated_at = ?, finished_at = ?
                WHERE member_id = ? AND posts_file = ?""", state, shortened(detail), now, now, memberId,
                posts.toString());
        files.delete(posts);
    }

    private static String shortened(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
    }

    /** "data/account.js; data/tweets.js: 1,000 posts; data/tweets-part1.js: 870 posts", as long as the column allows. */
    private static String filesRead(ExportContents contents) {
        StringBuilder read = new StringBuilder();
        for (ExportContents.FileRead file : contents.filesRead()) {
            // the manifest and account.js hold no posts: their names say what was read of them
            String next = (read.isEmpty() ? "" : "; ") + file.name() + (file.posts() == 0 ? ""
                    : ": " + String.format("%,d", file.posts()) + (file.posts() == 1 ? " post" : " posts"));
            if (read.length() + next.length() > 3990) {
                return read.append("; …").toString();
            }
            read.append(next);
        }
        return read.toString();
    }

    private Optional<Row> row(long memberId) {
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM archive_import WHERE member_id = ?",
                ArchiveImports::row, memberId);
        return rows.stream().findFirst();
    }

    private static Row row(ResultSet rs, int index) throws SQLException {
        String accountId = rs.getString("account_id");
        ExportAccount account = accountId == null ? null
                : new ExportAccount(accountId, rs.getString("account_username"), rs.getString("account_name"));
        Integer weeks = rs.getObject("weeks", Integer.class);
        ImportStatus status = new ImportStatus(rs.getString("state"), account, instant(rs.getTimestamp("exported_at")),
                rs.getLong("posts_read"), rs.getString("files_read"), rs.getInt("files_not_read"),
                weeks, rs.getString("detail"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
        return new Row(status.state(), rs.getString("posts_file"), instant(rs.getTimestamp("updated_at")), status);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private record Row(String state, String postsFile, Instant updatedAt, ImportStatus status) {

        boolean underWay() {
            return UNDER_WAY.contains(state);
        }

        boolean abandoned(Instant now) {
            return RECEIVING.equals(state) && updatedAt.plus(ABANDONED_AFTER).isBefore(now);
        }
    }
}
