package org.tweetflow.collect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code collection_step} table: each summary output's state, and the state derived from all of them. */
@Component
public class CollectionSteps {

    /** The step made of all the others. */
    static final String BUNDLE = "bundle.zip";
    /** A step running without progress this long belongs to a pass that died. */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CollectionSteps(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CollectionStep> of(long collectionId) {
        return jdbc.query("SELECT name, state, progress, detail, started_at, finished_at FROM collection_step "
                + "WHERE collection_id = ? ORDER BY name", (rs, n) -> new CollectionStep(rs.getString("name"),
                        rs.getString("state"), rs.getString("progress"), rs.getString("detail"),
                        Collections.instant(rs.getTimestamp("started_at")),
                        Collections.instant(rs.getTimestamp("finished_at"))),
                collectionId);
    }

    /**
     * Claims the steps this summarising pass runs: those pending (new ones are added as pending), and those left
     * running by a pass that died (no progress for {@link #ABANDONED}). Each is claimed by a conditional update, so
     * two passes never run one step. A failed step waits for a retry of its own.
     */
    public List<String> claim(long collectionId, List<String> names) {
        List<String> claimed = new ArrayList<>();
        Timestamp abandoned = Timestamp.from(clock.instant().minus(ABANDONED));
        for (String name : names) {
            jdbc.update("""
                    INSERT INTO collection_step (collection_id, name, state, updated_at) SELECT ?, ?, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM collection_step WHERE collection_id = ? AND name = ?)""",
                    collectionId, name, CollectionStep.PENDING, now(), collectionId, name);
            if (jdbc.update("""
                    UPDATE collection_step SET state = ?, progress = NULL, detail = NULL, updated_at = ?,
                    started_at = ?, finished_at = NULL
                    WHERE collection_id = ? AND name = ? AND (state = ? OR (state = ? AND updated_at < ?))""",
                    CollectionStep.RUNNING, now(), now(), collectionId, name, CollectionStep.PENDING,
                    CollectionStep.RUNNING, abandoned) == 1) {
                claimed.add(name);
            }
        }
        return claimed;
    }

    /**
     * A failed step to run again, alone (with the bundle, made of every output): false when the collection has no
     * such failed step.
     */
    public boolean retry(long collectionId, String name) {
        boolean failed = reset(collectionId, name);
        if (failed) {
            reset(collectionId, BUNDLE);
        }
        return failed;
    }

    /** Only a failed step is retried: one done, or running, is left as it is. */
    private boolean reset(long collectionId, String name) {
        return jdbc.update("UPDATE collection_step SET state = ?, detail = NULL, progress = NULL, updated_at = ?, "
                + "started_at = NULL, finished_at = NULL WHERE collection_id = ? AND name = ? AND state = ?",
                CollectionStep.PENDING, now(), collectionId,
                name, CollectionStep.FAILED) == 1;
    }

    /** A new run of a recurring collection adds posts: every output is summarised again. */
    public void stale(long collectionId) {
        jdbc.update("UPDATE collection_step SET state = ?, updated_at = ?, started_at = NULL, finished_at = NULL "
                + "WHERE collection_id = ?", CollectionStep.PENDING, now(), collectionId);
    }

    public void set(long collectionId, List<String> names, String state, String progress, String detail) {
        for (String name : names) {
            boolean over = CollectionStep.DONE.equals(state) || CollectionStep.FAILED.equals(state);
            jdbc.update("UPDATE collection_step SET state = ?, progress = ?, detail = ?, updated_at = ?, "
                    + "finished_at = ? WHERE collection_id = ? AND name = ?", state, progress,
                    detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...", now(),
                    over ? now() : null, collectionId, name);
        }
    }

    /**
     * The summaries' state, derived from all steps (never the last event): failed if any failed, summarising while
     * any is pending or running, summarised when all are done.
     */
    public String overall(long collectionId) {
        return overall(of(collectionId));
    }

    /** The same, of steps already read. */
    public static String overall(List<CollectionStep> steps) {
        List<String> states = steps.stream().map(CollectionStep::state).toList();
        if (states.isEmpty()) {
            return "not summarised";
        }
        if (states.contains(CollectionStep.FAILED)) {
            return "summaries failed";
        }
        return states.stream().allMatch(CollectionStep.DONE::equals) ? "summarised" : "summarising";
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
