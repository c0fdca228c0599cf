package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.tweetflow.openhumans.OpenHumansEndpoints;
import org.tweetflow.sandbox.RealClientsRefusal;
import org.tweetflow.twitter.XEndpoints;

/** Start-up refuses unsafe or incomplete configuration with a message naming the variable. */
class TweetflowPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(TweetflowProperties.class)
    static class Config {
    }

    /** Nothing configured: as {@code java -jar} without settings. */
    private final ApplicationContextRunner bare = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);
    /** The sandbox, which needs none of the providers' settings: for the tests of everything else. */
    private final ApplicationContextRunner runner = bare.withPropertyValues("tweetflow.sandbox=true");

    @Test
    void withoutTheFlagAndWithoutSettingsTheStartNamesEveryMissingSettingAndTheFlag() {
        bare.run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).as("analysed").isNotNull();
            assertThat(analysis.getDescription()).contains("TWEETFLOW_TWITTER_CLIENT_ID",
                    "TWEETFLOW_TWITTER_CLIENT_SECRET", "TWEETFLOW_OPENHUMANS_CLIENT_ID",
                    "TWEETFLOW_OPENHUMANS_CLIENT_SECRET", "TWEETFLOW_TOKEN_KEY");
            assertThat(analysis.getAction()).contains("TWEETFLOW_SANDBOX=true");
        });
    }

    @Test
    void theSandboxRunsOnlyWhenTheFlagSaysSo() {
        bare.withPropertyValues("tweetflow.sandbox=true")
                .run(context -> assertThat(context.getBean(TweetflowProperties.class).sandbox()).isTrue());
        bare.withPropertyValues("tweetflow.token-key=k", "tweetflow.twitter.client-id=x",
                        "tweetflow.twitter.client-secret=s", "tweetflow.openhumans.client-id=o",
                        "tweetflow.openhumans.client-secret=t")
                .run(context -> assertThat(context.getBean(TweetflowProperties.class).sandbox()).isFalse());
    }

    /** Only the sandbox knows its own clients from real ones: the refusal is its own. */
    @Test
    void sandboxRefusesToStartNextToRealClientIds() {
        runner.withPropertyValues("tweetflow.sandbox=true", "tweetflow.twitter.client-id=real-id")
                .withUserConfiguration(RealClientsRefusal.class)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("refusing to start"));
    }

    @Test
    void productionNamesTheMissingSecret() {
        bare.withPropertyValues("tweetflow.twitter.client-id=x", "tweetflow.twitter.client-secret=s",
                        "tweetflow.openhumans.client-id=o", "tweetflow.openhumans.client-secret=t")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageStartingWith("TWEETFLOW_TOKEN_KEY not set"));
    }

    @Test
    void printedSettingsSayWhetherASecretIsSetNeverWhatItIs() {
        bare.withPropertyValues("tweetflow.twitter.client-id=x-client", "tweetflow.twitter.client-secret=x-secret-1",
                        "tweetflow.twitter.bearer-token=x-bearer-2", "tweetflow.openhumans.client-id=oh-client",
                        "tweetflow.openhumans.client-secret=oh-secret-3", "tweetflow.token-key=key-4",
                        "tweetflow.ops.password=ops-5")
                .run(context -> {
                    TweetflowProperties properties = context.getBean(TweetflowProperties.class);
                    String printed = properties + " " + new XEndpoints(URI.create("https://api.x.com"), null, null,
                            null, "x-client", "x-secret-1", "x-bearer-2") + " " + new OpenHumansEndpoints(
                            URI.create("https://www.openhumans.org"), "oh-client", "oh-secret-3");
                    assertThat(printed).contains("x-client", "oh-client", "clientSecret=(set)")
                            .doesNotContain("x-secret-1", "x-bearer-2", "oh-secret-3", "key-4", "ops-5");
                });
    }

    @Test
    void aSecretReadFromAFileLosesItsTrailingNewline() {
        runner.withPropertyValues("tweetflow.twitter.bearer-token=app-token\n", "tweetflow.twitter.client-secret= s\n")
                .run(context -> {
                    TweetflowProperties.Twitter x = context.getBean(TweetflowProperties.class).twitter();
                    assertThat(x.bearerToken()).isEqualTo("app-token");
                    assertThat(x.clientSecret()).isEqualTo("s");
                });
    }

    @Test
    void aBlankOpsPasswordIsNone() {
        assertThat(new TweetflowProperties.Ops("ops", "").password()).isNull();
        assertThat(new TweetflowProperties.Ops("ops", "  \n").password()).isNull();
        assertThat(new TweetflowProperties.Ops("ops", "secret\n").password()).isEqualTo("secret");
    }

    @Test
    void invalidDurationFailsTheStart() {
        runner.withPropertyValues("tweetflow.archive.stale-after=four days")
                .run(context -> assertThat(context).hasFailed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"archive", "collect"})
    void aLeaseRenewedNoSoonerThanItExpiresFailsTheStart(String job) {
        runner.withPropertyValues("tweetflow." + job + ".lease=PT1M", "tweetflow." + job + ".lease-renewal=PT1M")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("lease-renewal"));
        runner.withPropertyValues("tweetflow." + job + ".lease=PT1M", "tweetflow." + job + ".lease-renewal=PT20S")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void eachRetryAfterAnOutageWaitsTwiceAsLongUpToTheLongestWait() {
        runner.withPropertyValues("tweetflow.archive.retry-delay=PT1M", "tweetflow.archive.retry-delay-max=PT1H")
                .run(context -> {
                    TweetflowProperties.Archive archive = context.getBean(TweetflowProperties.class).archive();
                    assertThat(archive.retryDelayAfter(1)).isEqualTo(Duration.ofMinutes(1));
                    assertThat(archive.retryDelayAfter(2)).isEqualTo(Duration.ofMinutes(2));
                    assertThat(archive.retryDelayAfter(4)).isEqualTo(Duration.ofMinutes(8));
                    assertThat(archive.retryDelayAfter(40)).isEqualTo(Duration.ofHours(1));
                });
    }

    @Test
    void durationsAndCountsHaveTheDocumentedDefaults() {
        runner.run(context -> {
            TweetflowProperties properties = context.getBean(TweetflowProperties.class);
            assertThat(properties.archive().staleAfter()).hasDays(4);
            assertThat(properties.archive().syncNowInterval()).hasHours(1);
            assertThat(properties.archive().schedule()).isEqualTo("0 0 3 * * ?");
            assertThat(properties.publicUrl()).hasToString("http://localhost:8080");
        });
    }
}
