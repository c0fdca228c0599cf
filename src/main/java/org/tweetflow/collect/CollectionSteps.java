package org.tweetflow.collect;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code collection_step} table: each summary output's state, and the state derived from all of them. */
@Component
public class CollectionSteps {

    /** The step made of all the others. */
    static final String BUNDLE = "bundle.zip";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CollectionSteps(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CollectionStep> of(long collectionId) {
        return jdbc.query("SELECT name, state, progress, detail FROM collection_step WHERE collection_id = ? "
                + "ORDER BY name", (rs, n) -> new CollectionStep(rs.getString("name"), rs.getString("state"),
                        rs.getString("progress"), rs.getString("detail")), collectionId);
    }

    /**
     * The steps the next summarising pass runs: those pending (new ones are added as pending). A failed step waits
     * for a retry of its own.
     */
    public List<String> pending(long collectionId, List<String> names) {
        for (String name : names) {
            jdbc.update("""
                    INSERT INTO collection_step (collection_id, name, state, updated_at) SELECT ?, ?, ?, ?
                    WHERE NOT EXISTS (SELECT 1 FROM collection_step WHERE collection_id = ? AND name = ?)""",
                    collectionId, name, CollectionStep.PENDING, now(), collectionId, name);
        }
        return jdbc.queryForList("SELECT name FROM collection_step WHERE collection_id = ? AND state = ? ORDER BY name",
                String.class, collectionId, CollectionStep.PENDING);
    }

    /**
     * A step to run again, alone (with the bundle, made of every output): false when the collection has no such
     * step.
     */
    public boolean retry(long collectionId, String name) {
        boolean known = reset(collectionId, name);
        if (known) {
            reset(collectionId, BUNDLE);
        }
        return known;
    }

    private boolean reset(long collectionId, String name) {
        return jdbc.update("UPDATE collection_step SET state = ?, detail = NULL, progress = NULL, updated_at = ? "
                + "WHERE collection_id = ? AND name = ?", CollectionStep.PENDING, now(), collectionId, name) == 1;
    }

    /** A new run of a recurring collection adds posts: every output is summarised again. */
    public void stale(long collectionId) {
        jdbc.update("UPDATE collection_step SET state = ?, updated_at = ? WHERE collection_id = ?",
                CollectionStep.PENDING, now(), collectionId);
    }

    public void set(long collectionId, List<String> names, String state, String progress, String detail) {
        for (String name : names) {
            jdbc.update("UPDATE collection_step SET state = ?, progress = ?, detail = ?, updated_at = ? "
                    + "WHERE collection_id = ? AND name = ?", state, progress,
                    detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...", now(),
                    collectionId, name);
        }
    }

    /**
     * The summaries' state, derived from all steps (never the last event): failed if any failed, summarising while
     * any is pending or running, summarised when all are done.
     */
    public String overall(long collectionId) {
        List<String> states = of(collectionId).stream().map(CollectionStep::state).toList();
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
