package org.tweetflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL (14, zonky's embedded binaries) for the tests that run the SQL on it, started at first use
 * and stopped with the JVM (zonky's hook). Each test class points its context at a database of its own, from a
 * {@code @DynamicPropertySource}, so that none sees another's rows.
 */
public final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    /** @param database a name of the test's own ([a-z_]+), created on first use */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedPostgres started = created(database);
        registry.add("spring.datasource.url", () -> started.getJdbcUrl("postgres", database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** For a test without a Spring context: a database of its own ([a-z_]+), created on first use. */
    public static DataSource dataSource(String database) {
        return created(database).getDatabase("postgres", database);
    }

    private static EmbeddedPostgres created(String database) {
        EmbeddedPostgres started = started();
        try (Connection connection = started.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return started;
    }

    private static synchronized EmbeddedPostgres started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }
}
