package org.tweetflow.collect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.work.LeaseLostException;
import org.tweetflow.work.WorkItem;

/** The {@code collection_step} table: each summary output's state, and the state derived from all of them. */
@Component
public class CollectionSteps {

    /** The step made of all the others. */
    static final String BUNDLE = "bundle.zip";

    private static final Logger LOG = LoggerFactory.getLogger(CollectionSteps.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CollectMeters meters;

    public CollectionSteps(JdbcTemplate jdbc, Clock clock, CollectMeters meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
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
     * Claims the steps this pass runs, under the collection's lease: those pending (new ones are added as pending),
     * and those left running by an earlier holder of the lease, which is gone (its lease expired and this claim took
     * the collection over). Each is claimed by an update conditional on {@code item} still holding the lease, so two
     * workers never run one step. A failed step waits for a retry of its own.
     *
     * @param item the collection's work item this pass runs under; null when its route is called directly, which
     *             claims pending steps only
     */
    public List<String> claim(long collectionId, WorkItem item, List<String> names) {
        List<String> claimed = new ArrayList<>();
        for (String name : names) {
            jdbc.update("""
                    INSERT INTO collection_step (collection_id, name, state, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", collectionId, name, CollectionStep.PENDING, now());
            if (claimOne(collectionId, item, name)) {
                claimed.add(name);
            }
        }
        return claimed;
    }

    private boolean claimOne(long collectionId, WorkItem item, String name) {
        String start = "UPDATE collection_step SET state = ?, progress = NULL, detail = NULL, updated_at = ?, "
                + "started_at = ?, finished_at = NULL, run_by = ";
        if (item == null) {
            return jdbc.update(start + "NULL WHERE collection_id = ? AND name = ? AND state = ?",
                    CollectionStep.RUNNING, now(), now(), collectionId, name, CollectionStep.PENDING) == 1;
        }
        return jdbc.update(start + """
                ? WHERE collection_id = ? AND name = ? AND (state = ? OR (state = ? AND run_by IS DISTINCT FROM ?))
                AND EXISTS (SELECT 1 FROM work_item WHERE id = ? AND lease_owner = ? AND lease_until >= ?)""",
                CollectionStep.RUNNING, now(), now(), item.leaseOwner(), collectionId, name, CollectionStep.PENDING,
                CollectionStep.RUNNING, item.leaseOwner(), item.id(), item.leaseOwner(), now()) == 1;
    }

    /**
     * A failed step, or one done in part, to run again, alone (with the bundle, made of every output): false when
     * the collection has no such step.
     */
    public boolean retry(long collectionId, String name) {
        boolean failed = reset(collectionId, name);
        if (failed) {
            reset(collectionId, BUNDLE);
        }
        return failed;
    }

    /**
     * Only a failed step is retried, or one done with a detail of what it left out (photos whose host did not
     * answer): one done whole, or running, is left as it is.
     */
    private boolean reset(long collectionId, String name) {
        return jdbc.update("UPDATE collection_step SET state = ?, detail = NULL, progress = NULL, updated_at = ?, "
                + "started_at = NULL, finished_at = NULL WHERE collection_id = ? AND name = ? "
                + "AND (state = ? OR (state = ? AND detail IS NOT NULL))", CollectionStep.PENDING, now(),
                collectionId, name, CollectionStep.FAILED, CollectionStep.DONE) == 1;
    }

    /** A new run of a recurring collection adds posts: every output is summarised again. */
    public void stale(long collectionId) {
        jdbc.update("UPDATE collection_step SET state = ?, updated_at = ?, started_at = NULL, finished_at = NULL "
                + "WHERE collection_id = ?", CollectionStep.PENDING, now(), collectionId);
    }

    /**
     * Records the steps' state, only while {@code item} holds the collection (any holder, when the route is called
     * directly, with no item): a pass whose collection was taken over stops here.
     *
     * @throws LeaseLostException when another worker holds the collection now, or it was deleted
     */
    public void set(long collectionId, WorkItem item, List<String> names, String state, String progress,
            String detail) {
        boolean over = CollectionStep.DONE.equals(state) || CollectionStep.FAILED.equals(state);
        String shortDetail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
        for (String name : names) {
            String update = "UPDATE collection_step SET state = ?, progress = ?, detail = ?, updated_at = ?, "
                    + "finished_at = ? WHERE collection_id = ? AND name = ?";
            if (item == null) {
                jdbc.update(update, state, progress, shortDetail, now(), over ? now() : null, collectionId, name);
            } else if (jdbc.update(update + " AND EXISTS (SELECT 1 FROM work_item WHERE id = ? AND lease_owner = ?)",
                    state, progress, shortDetail, now(), over ? now() : null, collectionId, name, item.id(),
                    item.leaseOwner()) == 0) {
                throw new LeaseLostException("collection " + collectionId + " was taken over by another worker, "
                        + "or deleted: its step " + name + " is no longer this worker's");
            }
            if (over) {
                LOG.info("Collection {} step {} ended {}{}", collectionId, name, state, detail == null ? ""
                        : ": " + shortDetail);
                timed(collectionId, name, state);
            }
        }
    }

    /** How long the step took since the pass running it claimed it (none when it was never claimed). */
    private void timed(long collectionId, String name, String state) {
        jdbc.query("SELECT started_at, finished_at FROM collection_step WHERE collection_id = ? AND name = ?", rs -> {
            Instant started = Collections.instant(rs.getTimestamp(1));
            Instant finished = Collections.instant(rs.getTimestamp(2));
            if (started != null && finished != null) {
                meters.stepEnded(name, state, Duration.between(started, finished));
            }
        }, collectionId, name);
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
