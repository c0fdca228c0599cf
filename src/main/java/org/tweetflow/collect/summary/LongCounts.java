package org.tweetflow.collect.summary;

/**
 * Counts per long key in two arrays (open addressing, linear probing): counting retweets per original post without
 * a boxed map entry per original. Zero is not a valid key (no post has id 0).
 */
final class LongCounts {

    private long[] keys = new long[1024];
    private long[] counts = new long[1024];
    private int size;

    void increment(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("0 is not a post id");
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        counts[i]++;
        if (keys[i] == 0) {
            keys[i] = key;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
    }

    int size() {
        return size;
    }

    /** Calls back with every key and its count, in no particular order. */
    void forEach(LongEntryConsumer consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                consumer.accept(keys[i], counts[i]);
            }
        }
    }

    @FunctionalInterface
    interface LongEntryConsumer {
        void accept(long key, long count);
    }

    /** Spreads snowflake ids (whose low bits are a sequence number) over the table. */
    static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }
}
