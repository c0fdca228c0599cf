package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.config.TweetflowProperties;

/** A member starts so many collections a minute, each one again as the minute refills; others are not held up. */
class CollectionLimitsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    final Collections collections = mock(Collections.class);
    final CollectionLimits limits = new CollectionLimits(collections, properties(), new LocalCreationBuckets(clock));

    @Test
    void theFourthCollectionInAMinuteWaitsForTheBucketToRefill() {
        when(collections.countsLocked(1L)).thenReturn(new MemberCollections(0, 0));
        when(collections.countsLocked(2L)).thenReturn(new MemberCollections(0, 0));
        for (int i = 0; i < 3; i++) {
            limits.admitNew(1L, false);
        }

        assertThatThrownBy(() -> limits.admitNew(1L, false)).isInstanceOfSatisfying(CollectionLimitException.class,
                refused -> {
                    assertThat(refused).hasMessage("a member starts at most 3 collections a minute; the next one can "
                            + "start in 20 s");
                    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(20));
                });
        limits.admitNew(2L, false);
        clock.advance(Duration.ofSeconds(19));
        assertThatThrownBy(() -> limits.admitNew(1L, false)).hasMessageEndingWith("in 1 s");
        clock.advance(Duration.ofSeconds(1));
        limits.admitNew(1L, false);
    }

    @Test
    void runningAndRecurringCollectionsAreCountedBeforeAnyIsStartedAndTakeNoPlaceInTheMinute() {
        when(collections.countsLocked(1L)).thenReturn(new MemberCollections(5, 0), new MemberCollections(4, 2),
                new MemberCollections(4, 2));

        assertThatThrownBy(() -> limits.admitNew(1L, false)).hasMessageStartingWith("you have 5 collections queued");
        assertThatThrownBy(() -> limits.admitNew(1L, true)).hasMessageStartingWith("you have 2 recurring collections")
                .isInstanceOfSatisfying(CollectionLimitException.class, e -> assertThat(e.retryAfter()).isEmpty());
        for (int i = 0; i < 3; i++) {
            when(collections.countsLocked(1L)).thenReturn(new MemberCollections(0, 0));
            limits.admitNew(1L, true);
        }
    }

    static TweetflowProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                "tweetflow.sandbox", "true", "tweetflow.token-key", "test-token-key-not-a-secret-0123456789",
                "tweetflow.collect.max-active", "5", "tweetflow.collect.max-recurring", "2",
                "tweetflow.collect.creations-per-minute", "3")))
                .bind("tweetflow", TweetflowProperties.class).get();
    }
}
