package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.impl.NoOpLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import org.tweetflow.TweetflowApplication;

/** The database and Redis settings the service refuses at its start, and the one it warns about. */
@ExtendWith(OutputCaptureExtension.class)
class DeploymentSettingsTest {

    static final String SHARED_H2 = "jdbc:h2:mem:x;MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    static final String POSTGRES = "jdbc:postgresql://db:5432/tweetflow";

    final List<String> warnings = new ArrayList<>();
    final DeploymentSettings settings = new DeploymentSettings(destination -> new NoOpLog() {
        @Override
        public void warn(Object message) {
            warnings.add(message.toString());
        }
    });

    @Test
    void theSingleMachineDefaultAndPostgresqlWithRedisStart() {
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty(DeploymentSettings.DATASOURCE_URL,
                "jdbc:h2:file:./data/tweetflow;MODE=PostgreSQL;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE"))).isEmpty();
        assertThat(DeploymentSettings.refusals(postgres().withProperty("spring.data.redis.url", "redis://r:6379")))
                .isEmpty();
    }

    @Test
    void redisClusterIsRefusedNotSilentlyAnInProcessBudget() {
        assertThat(DeploymentSettings.refusals(postgres().withProperty("spring.data.redis.cluster.nodes", "r1:6379")))
                .singleElement().asString().contains("spring.data.redis.cluster.nodes", "not supported");
    }

    @Test
    void aSentinelIsDistributedModeAndNeedsMasterAndNodes() {
        MockEnvironment sentinel = postgres().withProperty("spring.data.redis.sentinel.master", "mymaster")
                .withProperty("spring.data.redis.sentinel.nodes", "s1:26379");
        assertThat(RedisConfiguredCondition.configured(sentinel)).isTrue();
        assertThat(DeploymentSettings.refusals(sentinel)).isEmpty();
        assertThat(DeploymentSettings.refusals(postgres().withProperty("spring.data.redis.sentinel.nodes", "s1:26379")))
                .singleElement().asString().contains("spring.data.redis.sentinel.master");
    }

    @Test
    void redisWithAnEmbeddedH2IsRefusedButAnH2ServerIsShared() {
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty("spring.data.redis.url", "redis://r")
                .withProperty(DeploymentSettings.DATASOURCE_URL, SHARED_H2))).singleElement().asString()
                .contains("embedded H2", "SPRING_DATASOURCE_URL");
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty("spring.data.redis.url", "redis://r")
                .withProperty(DeploymentSettings.DATASOURCE_URL, "jdbc:h2:tcp://h2:9092/tweetflow;MODE=PostgreSQL")))
                .isEmpty();
    }

    @Test
    void anH2WithoutPostgresqlModeIsRefusedBeforeItsFirstInsertFails() {
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty(DeploymentSettings.DATASOURCE_URL,
                "jdbc:h2:file:./data/tweetflow"))).singleElement().asString().contains(";MODE=PostgreSQL");
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty(DeploymentSettings.DATASOURCE_URL,
                "jdbc:h2:mem:x;mode=postgresql"))).isEmpty();
    }

    @Test
    void aManagementPortThatIsTheMembersPortIsRefused() {
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("management.server.port", "8080"))).singleElement().asString()
                .contains("MANAGEMENT_SERVER_PORT");
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty("management.server.port", "")))
                .singleElement().asString().contains("MANAGEMENT_SERVER_PORT");
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty("server.port", "8080")
                .withProperty("management.server.port", "8081"))).isEmpty();
        assertThat(DeploymentSettings.refusals(new MockEnvironment().withProperty("server.port", "0")
                .withProperty("management.server.port", "0"))).isEmpty();
    }

    @Test
    void postgresqlWithoutRedisWarnsOnceThatOneReplicaOnlyMayRun() {
        settings.postProcessEnvironment(postgres(), new SpringApplication());
        settings.postProcessEnvironment(new MockEnvironment().withProperty(DeploymentSettings.DATASOURCE_URL,
                SHARED_H2), new SpringApplication());
        settings.postProcessEnvironment(postgres().withProperty("spring.data.redis.url", "redis://r"),
                new SpringApplication());

        assertThat(warnings).singleElement().asString().contains("ONE replica", "SPRING_DATA_REDIS_URL");
    }

    @Test
    void aStartOnRefusedSettingsStopsAndSaysWhatToChange(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(TweetflowApplication.class,
                "--spring.main.web-application-type=none", "--tweetflow.sandbox=true",
                "--spring.datasource.url=jdbc:h2:mem:refused-settings"))
                .isInstanceOf(UnsupportedSettingsException.class);

        assertThat(output).contains("APPLICATION FAILED TO START").contains("without ;MODE=PostgreSQL");
    }

    private static MockEnvironment postgres() {
        return new MockEnvironment().withProperty(DeploymentSettings.DATASOURCE_URL, POSTGRES);
    }
}
