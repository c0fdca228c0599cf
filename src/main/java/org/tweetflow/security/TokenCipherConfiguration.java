package org.tweetflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.tweetflow.config.TweetflowProperties;

/**
 * The token key: {@code TWEETFLOW_TOKEN_KEY} when set (required outside the sandbox, see
 * {@link TweetflowProperties}); in the sandbox a random key kept in {@code ./data/token.key} so the demo's stored
 * tokens survive a restart.
 */
@Configuration(proxyBeanMethods = false)
public class TokenCipherConfiguration {

    static final Path SANDBOX_KEY = Path.of("data", "token.key");

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Bean
    TokenCipher tokenCipher(TweetflowProperties properties) {
        if (StringUtils.hasText(properties.tokenKey())) {
            return new TokenCipher(properties.tokenKey());
        }
        return new TokenCipher(sandboxKey(SANDBOX_KEY));
    }

    /**
     * The key in {@code file}, made on first use. The file is created with mode 0600 (where the file system has
     * POSIX permissions), never readable by others for a moment as a chmod after writing would leave it.
     */
    static String sandboxKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            FileAttribute<?>[] ownerOnly = Files.getFileStore(file.toAbsolutePath().getParent())
                    .supportsFileAttributeView(PosixFileAttributeView.class)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            try (SeekableByteChannel out = Files.newByteChannel(file,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
                out.write(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)));
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox token key in " + file, e);
        }
    }
}
