package org.tweetflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tweetflow.TestRedis;
import org.tweetflow.config.ClockConfiguration;
import org.tweetflow.config.DistributedModeConfiguration;
import org.tweetflow.config.TweetflowProperties;

/** Which budget the service runs on: the configuration of Redis alone decides. */
class RateBudgetModeTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, ClockConfiguration.class, DistributedModeConfiguration.class,
                    RatePauses.class, InProcessRateBudget.class, RedisRateBudget.class)
            .withPropertyValues("tweetflow.sandbox=true")
            .withBean(JdbcTemplate.class, RateBudgetModeTest::database);

    @Test
    void aSingleMachineKeepsItsBudgetInMemory() {
        contexts.run(context -> assertThat(context).getBean(RateBudget.class).isInstanceOf(InProcessRateBudget.class));
    }

    @Test
    void aRedisUrlPutsTheBudgetOnRedis() {
        contexts.withPropertyValues("spring.data.redis.url=" + TestRedis.url()).run(context -> assertThat(context)
                .getBean(RateBudget.class).isInstanceOf(RedisRateBudget.class));
    }

    /** The settings the budgets read their probe's hold from. */
    @EnableConfigurationProperties(TweetflowProperties.class)
    static class Settings {
    }

    /** Where the budgets read the pauses from at their start. */
    private static JdbcTemplate database() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:mode-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
