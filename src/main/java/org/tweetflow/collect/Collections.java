package org.tweetflow.collect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.twitter.SearchQuerySyntax;
import org.tweetflow.twitter.SnowflakeIds;
import org.tweetflow.work.LeaseLostException;

/** The {@code collection} table: what researchers asked for, and how far collecting got. */
@Component
public class Collections {

    /** How far back recent search reaches, less a margin for the time a run takes. */
    static final Duration RECENT_SEARCH_REACH = Duration.ofDays(7).minusHours(1);

    /** X's limit for a recent-search query on the Basic and Pro plans. */
    public static final int MAX_QUERY_LENGTH = 512;

    private static final String COLUMNS = "id, member_id, query, max_count, state, collected, pages, next_token, "
            + "data_length, newest_id, cooldown_until, detail, published, created_at, repeat_every, next_run_at, "
            + "failed_runs";
    private static final String RUN_COLUMNS = "id, collection_id, since_id, started_at, finished_at, collected, pages, "
            + "newest_id, note";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TweetflowProperties.Collect settings;
    private final boolean appSearches;

    public Collections(JdbcTemplate jdbc, Clock clock, TweetflowProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.collect();
        this.appSearches = properties.twitter().appTokenConfigured();
    }

    /**
     * Stores a new collection, queued; what X would refuse is refused here first, so nothing is stored for it.
     *
     * @param maxCount how many posts to collect (each run); null for the default
     * @param repeat   how often it runs again; null for once
     */
    public Collection create(long memberId, String query, Integer maxCount, Repeat repeat) {
        return create(memberId, check(query, maxCount), repeat);
    }

    /** Stores a new collection, queued, of what {@link #check} took. */
    public Collection create(long memberId, Asked asked, Repeat repeat) {
        Instant created = clock.instant();
        Timestamp now = Timestamp.from(created);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO collection (member_id, query, max_count, state, created_at, updated_at, repeat_every,
                    next_run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setLong(1, memberId);
            insert.setString(2, asked.query());
            insert.setInt(3, asked.count());
            insert.setString(4, Collection.QUEUED);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.setString(7, repeat == null ? null : repeat.name());
            insert.setTimestamp(8, repeat == null ? null : Timestamp.from(created.plus(repeat.period())));
            return insert;
        }, key);
        return find(key.getKey().longValue()).orElseThrow();
    }

    /**
     * The query and count as a new collection would store them.
     *
     * @throws InvalidCollectionException for what X or this service would refuse
     */
    public Asked check(String query, Integer maxCount) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidCollectionException("the query is empty");
        }
        if (trimmed.length() > MAX_QUERY_LENGTH) {
            throw new InvalidCollectionException("the query has " + trimmed.length() + " characters; X takes at most "
                    + MAX_QUERY_LENGTH);
        }
        QueryCharacters.problem(trimmed).ifPresent(problem -> {
            throw new InvalidCollectionException(problem);
        });
        SearchQuerySyntax.problem(trimmed).ifPresent(problem -> {
            throw new InvalidCollectionException("X would refuse the query: " + problem);
        });
        int count = maxCount == null ? settings.defaultCount() : maxCount;
        if (count < 1 || count > settings.maxCount()) {
            throw new InvalidCollectionException("a collection asks for 1 to " + settings.maxCount() + " posts, not "
                    + count);
        }
        return new Asked(trimmed, count);
    }

    /** A collection's query (stripped) and how many posts it asks for, once checked. */
    public record Asked(String query, int count) {
    }

    /**
     * How many of the member's collections are queued or collecting, and how many recurring ones still repeat; the
     * member's row stays locked until the transaction ends, so two requests of one member are counted one after the
     * other and cannot both take the last place.
     */
    public MemberCollections countsLocked(long memberId) {
        jdbc.queryForList("SELECT id FROM member WHERE id = ? FOR UPDATE", Long.class, memberId);
        return jdbc.queryForObject("""
                SELECT COUNT(CASE WHEN state IN (?, ?, ?, ?) THEN 1 END),
                COUNT(CASE WHEN repeat_every IS NOT NULL AND next_run_at IS NOT NULL THEN 1 END)
                FROM collection WHERE member_id = ?""", (rs, row) -> new MemberCollections(rs.getInt(1), rs.getInt(2)),
                Collection.QUEUED, Collection.COLLECTING, Collection.RATE_LIMITED, Collection.RETRYING, memberId);
    }

    public Optional<Collection> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM collection WHERE id = ?", Collections::collection, id).stream()
                .findFirst();
    }

    /** The member's collections, newest first. */
    public List<Collection> of(long memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM collection WHERE member_id = ? ORDER BY id DESC",
                Collections::collection, memberId);
    }

    public void collecting(long id) {
        set(id, Collection.COLLECTING, null, null);
    }

    /**
     * The run in progress; else, for a recurring collection or a first run, a new one asking only for posts newer
     * than the newest collected so far; else (a one-off collected already) its last run, which is over. X refuses a
     * since_id older than its 7 days: a run after a longer pause asks for all 7 days, and says so.
     */
    public CollectionRun currentRun(Collection collection) {
        List<CollectionRun> runs = runs(collection.id());
        if (!runs.isEmpty() && (runs.get(0).finishedAt() == null || collection.repeat() == null)) {
            return runs.get(0);
        }
        String sinceId = collection.newestId();
        Instant now = clock.instant();
        String note = null;
        if (sinceId != null && SnowflakeIds.createdAt(sinceId).isBefore(now.minus(RECENT_SEARCH_REACH))) {
            sinceId = null;
            note = "more than 7 days after the run before: posts older than X's recent search reaches may be missing "
                    + "between them";
        }
        jdbc.update("INSERT INTO collection_run (collection_id, since_id, started_at, note) VALUES (?, ?, ?, ?)",
                collection.id(), sinceId, Timestamp.from(now), note);
        return runs(collection.id()).get(0);
    }

    /** The collection's runs, newest first. */
    public List<CollectionRun> runs(long collectionId) {
        return jdbc.query("SELECT " + RUN_COLUMNS + " FROM collection_run WHERE collection_id = ? ORDER BY id DESC",
                Collections::run, collectionId);
    }

    /** A page is in the file, committed up to {@code dataLength}: the next run resumes after it. */
    @Transactional
    public void pageCollected(CollectionRun run, int tweets, String nextToken, long committedBefore, long dataLength,
            String newestId) {
        Timestamp now = Timestamp.from(clock.instant());
        // only over what this run appended to: another worker that recorded a page meanwhile wins, this run stops
        if (jdbc.update("""
                UPDATE collection SET collected = collected + ?, pages = pages + 1, next_token = ?, data_length = ?,
                updated_at = ? WHERE id = ? AND data_length = ?""", tweets, nextToken, dataLength, now,
                run.collectionId(), committedBefore) == 0) {
            throw new LeaseLostException("collection " + run.collectionId() + " was recorded by another worker "
                    + "meanwhile, or deleted");
        }
        jdbc.update("""
                UPDATE collection_run SET collected = collected + ?, pages = pages + 1,
                newest_id = COALESCE(newest_id, ?) WHERE id = ?""", tweets, newestId, run.id());
    }

    /**
     * The run is over: the next one asks for posts newer than its newest. A recurring collection that had stopped
     * repeating after failed runs is back on its schedule.
     *
     * @param note what the run missed, added to its note; null when nothing
     */
    @Transactional
    public void collected(CollectionRun run, String note) {
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                UPDATE collection_run SET finished_at = ?, note = CASE WHEN CAST(? AS VARCHAR) IS NULL THEN note
                WHEN note IS NULL THEN ? ELSE note || '; ' || ? END WHERE id = ?""", now, note, note, note, run.id());
        find(run.collectionId()).filter(Collection::stoppedRepeating)
                .ifPresent(stopped -> nextRunAt(stopped.id(), at.plus(stopped.repeat().period())));
        jdbc.update("""
                UPDATE collection SET next_token = NULL, failed_runs = 0, newest_id = COALESCE((SELECT newest_id
                FROM collection_run WHERE id = ?), newest_id) WHERE id = ?""", run.id(), run.collectionId());
        set(run.collectionId(), Collection.COLLECTED, null, null);
    }

    /** A run X refused: closed where it stands, so the next run starts afresh. */
    @Transactional
    public void abandon(CollectionRun run) {
        jdbc.update("UPDATE collection_run SET finished_at = ? WHERE id = ?", Timestamp.from(clock.instant()), run.id());
        jdbc.update("UPDATE collection SET next_token = NULL WHERE id = ?", run.collectionId());
    }

    /** Recurring collections whose next run is due. */
    public List<Collection> dueToRepeat() {
        // without the app's token a collection searches with its owner's: a member who disconnected X has theirs wait
        String owners = appSearches ? ""
                : " AND member_id IN (SELECT id FROM member WHERE twitter_user_id IS NOT NULL)";
        return jdbc.query("SELECT " + COLUMNS + " FROM collection WHERE repeat_every IS NOT NULL AND next_run_at <= ?"
                + owners, Collections::collection, Timestamp.from(clock.instant()));
    }

    private void nextRunAt(long id, Instant at) {
        jdbc.update("UPDATE collection SET next_run_at = ? WHERE id = ?", Timestamp.from(at), id);
    }

    /** Moves the next run from the time the caller read to a later one; false when it was changed meanwhile. */
    public boolean moveNextRun(long id, Instant from, Instant to) {
        return jdbc.update("UPDATE collection SET next_run_at = ? WHERE id = ? AND next_run_at = ?",
                Timestamp.from(to), id, Timestamp.from(from)) == 1;
    }

    public void published(long id, boolean published) {
        jdbc.update("UPDATE collection SET published = ?, updated_at = ? WHERE id = ?", published,
                Timestamp.from(clock.instant()), id);
    }

    /** Published collections, newest first: the Atom feed's entries. */
    public List<Collection> published() {
        return jdbc.query("SELECT " + COLUMNS + " FROM collection WHERE published ORDER BY id DESC",
                Collections::collection);
    }

    /** Forgets the collection (its runs and steps go with it); its files are the caller's to delete. */
    public void delete(long id) {
        jdbc.update("DELETE FROM work_item WHERE kind = ? AND subject_id = ?", CollectionQueue.KIND, id);
        jdbc.update("DELETE FROM collection WHERE id = ?", id);
    }

    public void rateLimited(long id, Instant until, String detail) {
        set(id, Collection.RATE_LIMITED, until, detail);
    }

    public void retrying(long id, Instant at, String detail) {
        set(id, Collection.RETRYING, at, detail);
    }

    /**
     * A run failed. A recurring collection whose last {@code failed-runs-before-stop} runs all failed stops
     * repeating: the same cause (a query X refuses, a token taken back) would fail every schedule for ever.
     */
    @Transactional
    public void failed(long id, String detail) {
        jdbc.update("UPDATE collection SET failed_runs = failed_runs + 1 WHERE id = ?", id);
        int limit = settings.failedRunsBeforeStop();
        boolean stopped = jdbc.update("""
                UPDATE collection SET next_run_at = NULL
                WHERE id = ? AND repeat_every IS NOT NULL AND failed_runs >= ?""", id, limit) == 1;
        set(id, Collection.FAILED, null, stopped
                ? detail + " (stopped repeating after " + limit + " failed runs in a row: collect it again to resume)"
                : detail);
    }

    /**
     * The owner collects a failed collection again: queued, its failures forgotten, and a recurring one back on its
     * schedule, counted from now. False when it is no longer failed (another request, a worker, was first).
     */
    public boolean again(Collection collection) {
        Instant now = clock.instant();
        return jdbc.update("""
                UPDATE collection SET state = ?, cooldown_until = NULL, detail = NULL, failed_runs = 0, next_run_at = ?,
                updated_at = ? WHERE id = ? AND state = ?""", Collection.QUEUED,
                collection.repeat() == null ? null : Timestamp.from(now.plus(collection.repeat().period())),
                Timestamp.from(now), collection.id(), Collection.FAILED) == 1;
    }

    private void set(long id, String state, Instant cooldownUntil, String detail) {
        jdbc.update("UPDATE collection SET state = ?, cooldown_until = ?, detail = ?, updated_at = ? WHERE id = ?",
                state, cooldownUntil == null ? null : Timestamp.from(cooldownUntil),
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...",
                Timestamp.from(clock.instant()), id);
    }

    private static Collection collection(ResultSet rs, int row) throws SQLException {
        return new Collection(rs.getLong("id"), rs.getLong("member_id"), rs.getString("query"),
                rs.getInt("max_count"), rs.getString("state"), rs.getInt("collected"), rs.getInt("pages"),
                rs.getString("next_token"), rs.getLong("data_length"), rs.getString("newest_id"),
                instant(rs.getTimestamp("cooldown_until")), rs.getString("detail"), rs.getBoolean("published"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("repeat_every") == null ? null : Repeat.valueOf(rs.getString("repeat_every")),
                instant(rs.getTimestamp("next_run_at")), rs.getInt("failed_runs"));
    }

    private static CollectionRun run(ResultSet rs, int row) throws SQLException {
        return new CollectionRun(rs.getLong("id"), rs.getLong("collection_id"), rs.getString("since_id"),
                rs.getTimestamp("started_at").toInstant(), instant(rs.getTimestamp("finished_at")),
                rs.getInt("collected"), rs.getInt("pages"), rs.getString("newest_id"), rs.getString("note"));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
