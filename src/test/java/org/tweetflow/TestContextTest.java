package org.tweetflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.support.GenericApplicationContext;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxTest;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulationProperties;
import org.tweetflow.twitter.XEndpoints;

/**
 * What every test context stands on cannot make a test fail by chance: no port is chosen before the server binds it
 * (another process could take it meanwhile), and no directory is shared with another context or an earlier run.
 */
@SandboxTest
class TestContextTest {

    @LocalServerPort
    int port;
    @Autowired
    ServerProperties server;
    @Autowired
    TweetflowProperties properties;
    @Autowired
    XEndpoints x;
    @Autowired
    OpenHumansSimulationProperties simulatedOpenHumans;

    @Test
    void theServerAsksForAnyPortAndEveryUrlNamesTheOneItBound() {
        assertThat(server.getPort()).as("port 0: the system picks it as Tomcat binds").isZero();
        assertThat(port).isPositive();
        assertThat(properties.publicUrl()).hasToString("http://localhost:" + port);
        assertThat(x.apiUrl()).hasToString("http://localhost:" + port + "/sandbox/x");
    }

    @Test
    void theContextKeepsItsFilesInATemporaryDirectoryOfItsOwn() {
        Path storage = simulatedOpenHumans.storageDir();

        assertThat(storage.getParent().getFileName().toString()).startsWith("tweetflow-test-");
        assertThat(storage.getParent()).isDirectory();
        assertThat(properties.collect().dataDir().getParent()).isEqualTo(storage.getParent());
    }

    @Test
    void eachContextGetsANewDirectoryGoneWhenItCloses() {
        try (GenericApplicationContext first = new GenericApplicationContext();
                GenericApplicationContext second = new GenericApplicationContext()) {
            Path one = tempDir(first);
            Path other = tempDir(second);

            assertThat(one).isNotEqualTo(other);
            assertThat(other).isDirectory();
            second.close();
            assertThat(other).doesNotExist();
        }
    }

    private static Path tempDir(GenericApplicationContext context) {
        new ContextTempDir().initialize(context);
        context.refresh();
        return Path.of(context.getEnvironment().getRequiredProperty("tweetflow.collect.data-dir")).getParent();
    }
}
