package org.tweetflow.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenRefreshMetersTest {

    private final Locale defaultLocale = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    @Test
    void theOutcomeTagIsTheSameWhateverTheMachinesLanguage() {
        // Turkish lower-cases FAILED's I to a dotless ı
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new TokenRefreshMeters(registry).refreshed(Provider.X, TokenRefreshMeters.Outcome.FAILED);

        assertThat(registry.find("tweetflow.token.refreshes").tag("outcome", "failed")
                .tag("provider", Provider.X.registrationId()).counter().count()).isEqualTo(1);
    }
}
