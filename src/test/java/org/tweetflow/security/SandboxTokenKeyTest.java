package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's token key on disk (data/token.key): readable by its owner only, and the same after a restart. */
class SandboxTokenKeyTest {

    @TempDir
    Path dir;

    @Test
    void theKeyFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX");
        Path file = dir.resolve("data").resolve("token.key");

        String key = TokenCipherConfiguration.sandboxKey(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(key).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aRestartReadsTheKeptKey() {
        Path file = dir.resolve("token.key");

        assertThat(TokenCipherConfiguration.sandboxKey(file)).isEqualTo(TokenCipherConfiguration.sandboxKey(file));
    }
}
