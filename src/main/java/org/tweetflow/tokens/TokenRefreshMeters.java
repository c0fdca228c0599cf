package org.tweetflow.tokens;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Refreshes of members' access tokens by provider and outcome (docs/operations.md, "Metrics"): renewed, refused (the
 * member must connect again) or failed (the token endpoint did not answer as it should).
 */
@Component
public class TokenRefreshMeters {

    public enum Outcome { RENEWED, REFUSED, FAILED }

    private final MeterRegistry registry;

    public TokenRefreshMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Provider provider : Provider.values()) {
            for (Outcome outcome : Outcome.values()) {
                counter(provider, outcome);
            }
        }
    }

    public void refreshed(Provider provider, Outcome outcome) {
        counter(provider, outcome).increment();
    }

    private Counter counter(Provider provider, Outcome outcome) {
        return Counter.builder("tweetflow.token.refreshes").description("Refreshes of members' access tokens")
                .tag("provider", provider.registrationId()).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
