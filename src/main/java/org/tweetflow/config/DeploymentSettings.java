package org.tweetflow.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Refuses, before anything starts, the database and Redis settings that would run the service half distributed or
 * fail at the first insert, and a management port that is the members' port ({@link UnsupportedSettingsException}, told by {@link UnsupportedSettingsFailureAnalyzer}),
 * and warns once when PostgreSQL without Redis allows one replica only. Not the URLs themselves in any message: they
 * may carry a password.
 */
public class DeploymentSettings implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";
    /** H2 in a process of its own (a server): every other H2 URL is a database inside this process. */
    private static final Pattern H2_SERVER = Pattern.compile("(?i)jdbc:h2:(tcp|ssl):.*");
    private static final Pattern H2_POSTGRESQL_MODE = Pattern.compile("(?i).*;\\s*MODE\\s*=\\s*PostgreSQL\\s*(;.*)?");

    private final Log log;

    public DeploymentSettings(DeferredLogFactory logs) {
        this.log = logs.getLog(DeploymentSettings.class);
    }

    /** After application.yaml and the profiles are read: the settings checked are the service's own. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> refused = refusals(environment);
        if (!refused.isEmpty()) {
            throw new UnsupportedSettingsException(refused);
        }
        String database = environment.getProperty(DATASOURCE_URL, "");
        if (database.startsWith("jdbc:postgresql:") && !RedisConfiguredCondition.configured(environment)) {
            log.warn("PostgreSQL without Redis: run ONE replica only. The rate budget, the sessions and the collection"
                    + " creation limits stay in this process; set SPRING_DATA_REDIS_URL to run several replicas.");
        }
    }

    /** What in these settings cannot work, each with its fix; empty when they can. */
    static List<String> refusals(PropertyResolver settings) {
        List<String> refused = new ArrayList<>();
        if (StringUtils.hasText(settings.getProperty("spring.data.redis.cluster.nodes"))) {
            refused.add("spring.data.redis.cluster.nodes is set, and Redis Cluster is not supported (the rate budget "
                    + "and the collection creation limits need one standalone Redis, or one behind Sentinel): set "
                    + "spring.data.redis.url, or spring.data.redis.sentinel.master and .nodes");
        }
        boolean master = StringUtils.hasText(settings.getProperty("spring.data.redis.sentinel.master"));
        boolean nodes = StringUtils.hasText(settings.getProperty("spring.data.redis.sentinel.nodes"));
        if (master != nodes) {
            refused.add("only one of spring.data.redis.sentinel.master and spring.data.redis.sentinel.nodes is set: "
                    + "Sentinel needs both");
        }
        String database = settings.getProperty(DATASOURCE_URL, "");
        if (database.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            if (RedisConfiguredCondition.configured(settings) && !H2_SERVER.matcher(database).matches()) {
                refused.add("Redis is configured (distributed mode) but spring.datasource.url is an embedded H2 "
                        + "database, which other replicas cannot reach: set SPRING_DATASOURCE_URL to PostgreSQL");
            }
            if (!H2_POSTGRESQL_MODE.matcher(database).matches()) {
                refused.add("spring.datasource.url is an H2 database without ;MODE=PostgreSQL, whose inserts (ON "
                        + "CONFLICT DO NOTHING) would fail: append ;MODE=PostgreSQL to the URL");
            }
        }
        // application.yaml always names one; an empty or equal port puts actuator on the members' port
        String managementPort = settings.getProperty("management.server.port");
        if (managementPort != null && (managementPort.isBlank()
                || !managementPort.equals("0") && managementPort.equals(settings.getProperty("server.port", "8080")))) {
            refused.add("management.server.port is not set apart from server.port: the health probes, metrics, Hawtio "
                    + "and the ops actions never share the members' port; set MANAGEMENT_SERVER_PORT to another port");
        }
        return refused;
    }
}
