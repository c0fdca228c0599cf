package org.tweetflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

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

    @Bean
    TokenCipher tokenCipher(TweetflowProperties properties) {
        if (StringUtils.hasText(properties.tokenKey())) {
            return new TokenCipher(properties.tokenKey());
        }
        return new TokenCipher(sandboxKey());
    }

    private static String sandboxKey() {
        try {
            if (Files.exists(SANDBOX_KEY)) {
                return Files.readString(SANDBOX_KEY, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            Files.createDirectories(SANDBOX_KEY.getParent());
            Files.writeString(SANDBOX_KEY, key, StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the sandbox token key in " + SANDBOX_KEY, e);
        }
    }
}
