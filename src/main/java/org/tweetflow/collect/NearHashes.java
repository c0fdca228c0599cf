package org.tweetflow.collect;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Which of many 64-bit perceptual hashes are near (at most {@code near} bits apart), joined directly or through
 * others, without comparing every pair: multi-index hashing (Norouzi, Punjani and Fleet, "Fast search in Hamming
 * space with multi-index hashing", 2012). The hashes are cut into {@value #BANDS} bands of 16 bits, each indexed by
 * its value; two hashes within {@code near} have, by the pigeonhole principle, a band at most ⌊near / 4⌋ bits apart
 * (in fact the first band within that, or another within one bit less), so only the hashes whose band values lie
 * that close are candidates. Of 100,000 unrelated hashes, about 1.7 % of the pairs are compared (for {@code near}
 * 12), and a candidate already in the same group is skipped, so a thousand copies of one picture cost about a
 * thousand comparisons. Memory: a few ints per hash and {@value #BANDS} tables of 65,536 offsets.
 */
final class NearHashes {

    private static final int BANDS = 4;
    private static final int BAND_BITS = 16;
    private static final int BAND_VALUES = 1 << BAND_BITS;

    /** Told each pair that joins two groups: the spanning links of the groups, at most one fewer than hashes. */
    interface Links {
        void link(int earlier, int later, int distance);
    }

    private NearHashes() {
    }

    /**
     * Groups {@code hashes} (distinct ones: equal hashes are one picture, joined before) and tells {@code links}
     * the pairs that join them, each later hash to an earlier one; returns the comparisons made (hash distances
     * computed), for tests to bound the work.
     */
    static long group(long[] hashes, int near, Links links) {
        int n = hashes.length;
        int[][] offsets = new int[BANDS][];
        int[][] members = new int[BANDS][];
        for (int band = 0; band < BANDS; band++) {
            index(hashes, band, offsets, members);
        }
        int[][] masks = new int[BANDS][];
        for (int band = 0; band < BANDS; band++) {
            masks[band] = masks(radius(near, band));
        }
        int[] parent = IntStream.range(0, n).toArray();
        int[] seen = new int[n];
        Arrays.fill(seen, -1);
        long comparisons = 0;
        for (int later = 0; later < n; later++) {
            for (int band = 0; band < BANDS; band++) {
                int value = band(hashes[later], band);
                for (int mask : masks[band]) {
                    int bucket = value ^ mask;
                    // a bucket lists its hashes in ascending order: only the earlier ones, each pair once
                    for (int i = offsets[band][bucket]; i < offsets[band][bucket + 1]; i++) {
                        int earlier = members[band][i];
                        if (earlier >= later) {
                            break;
                        }
                        if (seen[earlier] == later) {
                            continue;
                        }
                        seen[earlier] = later;
                        int a = root(parent, earlier);
                        int b = root(parent, later);
                        if (a == b) {
                            continue;
                        }
                        comparisons++;
                        int distance = Long.bitCount(hashes[earlier] ^ hashes[later]);
                        if (distance <= near) {
                            parent[Math.max(a, b)] = Math.min(a, b);
                            links.link(earlier, later, distance);
                        }
                    }
                }
            }
        }
        return comparisons;
    }

    /**
     * How far apart the band's values may lie: near = 4s + a, and if the first a + 1 bands were each more than s
     * bits apart and the others more than s - 1, the hashes would be more than near apart.
     */
    static int radius(int near, int band) {
        return near / BANDS - (band <= near % BANDS ? 0 : 1);
    }

    /** Every 16-bit value with at most {@code radius} bits set: the XOR masks that reach the buckets that near. */
    private static int[] masks(int radius) {
        return IntStream.range(0, BAND_VALUES).filter(mask -> Integer.bitCount(mask) <= radius).toArray();
    }

    /** A counting sort of the hashes by the band's value: bucket v holds members[offsets[v] .. offsets[v + 1]). */
    private static void index(long[] hashes, int band, int[][] offsets, int[][] members) {
        int[] starts = new int[BAND_VALUES + 1];
        for (long hash : hashes) {
            starts[band(hash, band) + 1]++;
        }
        for (int value = 0; value < BAND_VALUES; value++) {
            starts[value + 1] += starts[value];
        }
        int[] next = Arrays.copyOf(starts, BAND_VALUES);
        int[] sorted = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            sorted[next[band(hashes[i], band)]++] = i;
        }
        offsets[band] = starts;
        members[band] = sorted;
    }

    private static int band(long hash, int band) {
        return (int) (hash >>> (band * BAND_BITS)) & (BAND_VALUES - 1);
    }

    /** The group's first hash (union by smaller index), halving the path on the way. */
    private static int root(int[] parent, int i) {
        int at = i;
        while (parent[at] != at) {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        return at;
    }
}
