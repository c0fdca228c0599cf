package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.ratelimit.RatePauses;

/** The migrations that build the embedded H2 database build a real PostgreSQL (14, started by the test) too. */
class PostgresMigrationTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void migrationsApplyToAFreshPostgresAndAgainIsANoOp() {
        Flyway flyway = Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration").load();

        MigrateResult first = flyway.migrate();
        MigrateResult second = flyway.migrate();

        assertThat(first.migrationsExecuted).isPositive();
        assertThat(second.migrationsExecuted).isZero();
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("member", "oauth_token", "archive_state", "work_item", "fetch_pause", "shedlock");
    }

    @Test
    void workQueueHoldsOneItemPerKindAndSubject() {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        Timestamp now = Timestamp.from(Instant.now());
        String insert = "INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)";

        jdbc.update(insert, "archive", 42L, "connected", now, now);

        assertThatThrownBy(() -> jdbc.update(insert, "archive", 42L, "stale", now, now))
                .hasMessageContaining("work_item_once");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM work_item WHERE subject_id = 42", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void aPauseIsStoredAndTheLongerOfTwoHolds() {
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        RatePauses pauses = new RatePauses(new JdbcTemplate(postgres.getPostgresDatabase()));
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Instant monthEnd = Instant.parse("2026-12-01T00:00:00Z");

        pauses.pause("users/tweets", monthEnd, "monthly usage cap");
        pauses.pause("users/tweets", now.plusSeconds(60), "shorter");

        assertThat(pauses.inForce(now)).isEqualTo(
                Map.of("users/tweets", new RatePauses.Pause(monthEnd, "monthly usage cap")));
        assertThat(pauses.inForce(monthEnd)).isEmpty();
    }
}
