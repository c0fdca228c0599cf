package org.tweetflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenCipherTest {

    static final String TOKEN = "bWRWa3gzdnk3WFRGWWtkOElhM0o4N1pPZTZ3ZXVBeHZBUF9pYjpNVEkzT1RFeU1qZzJOVFkzOmFjOmF0OjE";

    final TokenCipher cipher = new TokenCipher("a-long-random-operator-secret-0123456789");

    @Test
    void encryptedTokenDecryptsToTheOriginal() {
        assertThat(cipher.decrypt(cipher.encrypt(TOKEN))).isEqualTo(TOKEN);
    }

    @Test
    void storedValueNeverContainsThePlaintextAndDiffersEachTime() {
        String once = cipher.encrypt(TOKEN);
        String twice = cipher.encrypt(TOKEN);

        assertThat(once).doesNotContain(TOKEN).startsWith("v1:");
        assertThat(once).isNotEqualTo(twice);
    }

    @Test
    void anotherKeyOrATamperedValueIsRefused() {
        String stored = cipher.encrypt(TOKEN);
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A')
                + stored.substring(stored.length() - 2);

        assertThatThrownBy(() -> new TokenCipher("some-other-operator-secret-987654321").decrypt(stored))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new TokenCipher("short")).hasMessageContaining("TWEETFLOW_TOKEN_KEY");
    }
}
