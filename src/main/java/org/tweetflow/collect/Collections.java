package org.tweetflow.collect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.tweetflow.config.TweetflowProperties;

/** The {@code collection} table: what researchers asked for, and how far collecting got. */
@Component
public class Collections {

    /** X's limit for a recent-search query on the Basic and Pro plans. */
    public static final int MAX_QUERY_LENGTH = 512;

    private static final String COLUMNS = "id, member_id, query, max_count, state, collected, pages, next_token, "
            + "data_length, newest_id, cooldown_until, detail, published, created_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TweetflowProperties.Collect settings;

    public Collections(JdbcTemplate jdbc, Clock clock, TweetflowProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.collect();
    }

    /**
     * Stores a new collection, queued; what X would refuse is refused here first, so nothing is stored for it.
     *
     * @param maxCount how many posts to collect; null for the default
     */
    public Collection create(long memberId, String query, Integer maxCount) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidCollectionException("the query is empty");
        }
        if (trimmed.length() > MAX_QUERY_LENGTH) {
            throw new InvalidCollectionException("the query has " + trimmed.length() + " characters; X takes at most "
                    + MAX_QUERY_LENGTH);
        }
        int count = maxCount == null ? settings.defaultCount() : maxCount;
        if (count < 1 || count > settings.maxCount()) {
            throw new InvalidCollectionException("a collection asks for 1 to " + settings.maxCount() + " posts, not "
                    + count);
        }
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO collection (member_id, query, max_count, state, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setLong(1, memberId);
            insert.setString(2, trimmed);
            insert.setInt(3, count);
            insert.setString(4, Collection.QUEUED);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            return insert;
        }, key);
        return find(key.getKey().longValue()).orElseThrow();
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

    /** A page is in the file, committed up to {@code dataLength}: the next run resumes after it. */
    public void pageCollected(long id, int tweets, String nextToken, long dataLength, String newestId) {
        jdbc.update("""
                UPDATE collection SET collected = collected + ?, pages = pages + 1, next_token = ?, data_length = ?,
                newest_id = COALESCE(newest_id, ?), updated_at = ? WHERE id = ?""", tweets, nextToken, dataLength,
                newestId, Timestamp.from(clock.instant()), id);
    }

    public void collected(long id) {
        set(id, Collection.COLLECTED, null, null);
    }

    public void rateLimited(long id, Instant until, String detail) {
        set(id, Collection.RATE_LIMITED, until, detail);
    }

    public void failed(long id, String detail) {
        set(id, Collection.FAILED, null, detail);
    }

    private void set(long id, String state, Instant cooldownUntil, String detail) {
        jdbc.update("UPDATE collection SET state = ?, cooldown_until = ?, detail = ?, updated_at = ? WHERE id = ?",
                state, cooldownUntil == null ? null : Timestamp.from(cooldownUntil),
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...",
                Timestamp.from(clock.instant()), id);
    }

    private static Collection collection(ResultSet rs, int row) throws SQLException {
        Timestamp cooldown = rs.getTimestamp("cooldown_until");
        return new Collection(rs.getLong("id"), rs.getLong("member_id"), rs.getString("query"),
                rs.getInt("max_count"), rs.getString("state"), rs.getInt("collected"), rs.getInt("pages"),
                rs.getString("next_token"), rs.getLong("data_length"), rs.getString("newest_id"),
                cooldown == null ? null : cooldown.toInstant(), rs.getString("detail"), rs.getBoolean("published"),
                rs.getTimestamp("created_at").toInstant());
    }
}
