package org.tweetflow;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** For tests of one bean on the real schema without a Spring context: an in-memory H2 of its own, migrated. */
public final class TestH2 {

    private TestH2() {
    }

    /** A new database, as the service runs H2 (PostgreSQL mode), with every Flyway migration applied. */
    public static JdbcDataSource migrated() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }
}
