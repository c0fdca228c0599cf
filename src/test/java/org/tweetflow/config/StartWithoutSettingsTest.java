package org.tweetflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tweetflow.TweetflowApplication;

/**
 * {@code java -jar} with neither the providers' settings nor {@code TWEETFLOW_SANDBOX=true}: the service does not
 * start (so a deployment whose Secret is missing is never healthy as a simulator) and says what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartWithoutSettingsTest {

    @Test
    void refusesToStartAndNamesTheMissingSettingsAndTheFlag(CapturedOutput output) {
        // no web server and a database of its own: nothing of this start outlives the test
        assertThatThrownBy(() -> SpringApplication.run(TweetflowApplication.class,
                "--spring.main.web-application-type=none", "--spring.datasource.url=jdbc:h2:mem:start-without-settings;MODE=PostgreSQL"))
                .hasRootCauseInstanceOf(MissingSettingsException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("these settings are not set: TWEETFLOW_TWITTER_CLIENT_ID, TWEETFLOW_TWITTER_CLIENT_SECRET, "
                        + "TWEETFLOW_OPENHUMANS_CLIENT_ID, TWEETFLOW_OPENHUMANS_CLIENT_SECRET, TWEETFLOW_TOKEN_KEY")
                .contains("set TWEETFLOW_SANDBOX=true");
    }
}
