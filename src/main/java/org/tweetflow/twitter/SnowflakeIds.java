package org.tweetflow.twitter;

import java.time.Instant;

/** X's post ids are snowflakes: the time a post was created is in their high bits. */
public final class SnowflakeIds {

    /** X's epoch, in Unix milliseconds. */
    static final long EPOCH = 1288834974657L;

    private SnowflakeIds() {
    }

    public static Instant createdAt(String id) {
        return Instant.ofEpochMilli((Long.parseLong(id) >> 22) + EPOCH);
    }
}
