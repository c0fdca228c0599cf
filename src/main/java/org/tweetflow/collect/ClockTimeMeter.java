package org.tweetflow.collect;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's time read from the application's clock, so the minute passes when a test says so. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
