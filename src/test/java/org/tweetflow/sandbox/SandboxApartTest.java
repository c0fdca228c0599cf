package org.tweetflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tweetflow.TweetflowApplication;

/**
 * Production code never sees the sandbox: outside {@code org.tweetflow.sandbox} no compiled class names one of its
 * types (a class file's constant pool holds the internal name of every type it uses).
 */
class SandboxApartTest {

    private static final String SANDBOX = "org/tweetflow/sandbox/";

    @Test
    void noProductionClassOutsideTheSandboxReferencesIt() throws IOException, URISyntaxException {
        Path classes = Path.of(TweetflowApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path sandbox = classes.resolve(SANDBOX);
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> outside = files.filter(f -> f.toString().endsWith(".class") && !f.startsWith(sandbox)).toList();
            assertThat(outside).as("production classes under %s", classes).isNotEmpty();
            assertThat(outside).filteredOn(SandboxApartTest::namesTheSandbox).isEmpty();
        }
        assertThat(sandbox.resolve("SandboxAutoConfiguration.class")).exists();
    }

    @Test
    void faultInjectionShipsOnlyInTestCode() throws URISyntaxException {
        Path classes = Path.of(TweetflowApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes.resolve(SANDBOX + "SandboxFaults.class")).doesNotExist();
        assertThat(classes.resolve(SANDBOX + "SandboxFaultFilter.class")).doesNotExist();
    }

    private static boolean namesTheSandbox(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(SANDBOX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
