package org.tweetflow.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How often a recurring collection runs again. */
public enum Repeat {

    HOURLY(Duration.ofHours(1)),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7));

    private final Duration period;

    Repeat(Duration period) {
        this.period = period;
    }

    /** @throws InvalidCollectionException for anything but hourly, daily or weekly */
    public static Repeat of(String asked) {
        try {
            return valueOf(asked.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidCollectionException("a collection repeats hourly, daily or weekly, not '" + asked + "'");
        }
    }

    /**
     * The first run time after {@code now} on the schedule that started at {@code due}: runs missed while the
     * service was down are caught up once, not once per missed period.
     */
    public Instant nextAfter(Instant due, Instant now) {
        Instant next = due.plus(period);
        if (!next.isAfter(now)) {
            long missed = Duration.between(next, now).dividedBy(period) + 1;
            next = next.plus(period.multipliedBy(missed));
        }
        return next;
    }

    public Duration period() {
        return period;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
