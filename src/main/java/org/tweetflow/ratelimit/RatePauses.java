package org.tweetflow.ratelimit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pauses of a kind of call in the database ({@code fetch_pause}), for every replica and across restarts: X's monthly
 * usage cap holds until the month ends, and a restarted service must not run into it again to find out. The budget
 * reads them once at its start and keeps them beside its windows (in memory, or on Redis), so no call queries them;
 * the operators' pause is read again at each claim poll ({@link #everyCall}).
 */
@Component
public class RatePauses {

    /** The kind of the operators' pause: every call to X, whatever its endpoint. */
    public static final String EVERY_CALL = "*";
    /** How long the operators' pause holds: until they resume fetching. */
    public static final Instant UNTIL_RESUMED = Instant.parse("9999-12-31T00:00:00Z");
    /** Why the operators' pause holds, as members and the ops endpoint are told. */
    public static final String BY_THE_OPERATORS = "fetching from X is paused by the operators";

    private static final int REASON_LENGTH = 500;

    private final JdbcTemplate jdbc;

    public RatePauses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Pauses calls to {@code endpoint} until {@code until}; of two pauses the longer one holds. */
    public void pause(String endpoint, Instant until, String reason) {
        Timestamp end = Timestamp.from(until);
        String why = reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 3) + "...";
        if (!inserted(endpoint, end, why)) {
            jdbc.update("UPDATE fetch_pause SET paused_until = ?, reason = ? WHERE kind = ? AND paused_until < ?",
                    end, why, endpoint, end);
        }
    }

    /** Ends the pause of {@code kind} now (the operators resume fetching). */
    public void end(String kind) {
        jdbc.update("DELETE FROM fetch_pause WHERE kind = ?", kind);
    }

    /**
     * Why the operators paused every call, while they do: the truth of their pause, read by every claim poll (one
     * query a poll, never one a call), so it holds on every replica whatever became of a copy of it.
     */
    public Optional<String> everyCall() {
        return jdbc.query("SELECT reason FROM fetch_pause WHERE kind = ?", (rs, n) -> rs.getString(1), EVERY_CALL)
                .stream().findFirst();
    }

    /** Stores the first pause of {@code endpoint}; false when one is stored already, by another replica too. */
    private boolean inserted(String endpoint, Timestamp end, String why) {
        return jdbc.update("""
                INSERT INTO fetch_pause (kind, paused_until, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                endpoint, end, why) > 0;
    }

    /** The pauses still in force at {@code now}, by endpoint. */
    public Map<String, Pause> inForce(Instant now) {
        return jdbc.query("SELECT kind, paused_until, reason FROM fetch_pause WHERE paused_until > ?",
                (rs, n) -> Map.entry(rs.getString(1), new Pause(rs.getTimestamp(2).toInstant(), rs.getString(3))),
                Timestamp.from(now)).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public record Pause(Instant until, String reason) {

        /** Of two pauses of one endpoint the longer holds, as in the table. */
        Pause orLonger(Pause other) {
            return other.until.isAfter(until) ? other : this;
        }
    }
}
