package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NearHashesTest {

    @Test
    void groupsAreThoseOfComparingEveryPairForEveryThreshold() {
        Random random = new Random(21);
        for (int near = 0; near <= 20; near++) {
            // pictures each with a few copies flipped in up to near + 3 bits: some within, some just beyond
            long[] hashes = distinct(IntStream.range(0, 60).boxed().flatMapToLong(picture -> {
                long center = random.nextLong();
                return IntStream.range(0, 1 + random.nextInt(6)).mapToLong(copy -> flipped(center, random,
                        random.nextInt(24)));
            }).toArray());
            List<int[]> links = new ArrayList<>();

            NearHashes.group(hashes, near, (earlier, later, distance) -> links.add(new int[] {earlier, later,
                    distance}));

            assertThat(groups(hashes.length, links)).as("near %d", near).isEqualTo(pairwiseGroups(hashes, near));
            for (int[] link : links) {
                assertThat(link[0]).isLessThan(link[1]);
                assertThat(link[2]).isEqualTo(Long.bitCount(hashes[link[0]] ^ hashes[link[1]]))
                        .isLessThanOrEqualTo(near);
            }
            assertThat(links).as("only links that join two groups").hasSize(hashes.length
                    - groups(hashes.length, links).size());
        }
    }

    @Test
    void aThousandNearCopiesOfOnePictureCostOneComparisonEachNotHalfAMillion() {
        Random random = new Random(8);
        long center = random.nextLong();
        // each copy at most 6 bits from the picture: every two at most 12 apart
        long[] thousand = random.ints(1, 7).mapToLong(bits -> flipped(center, random, bits)).distinct().limit(1000)
                .toArray();
        List<int[]> links = new ArrayList<>();

        long comparisons = NearHashes.group(thousand, MediaFingerprints.NEAR,
                (earlier, later, distance) -> links.add(new int[] {earlier, later}));

        assertThat(groups(thousand.length, links)).hasSize(1);
        assertThat(links).hasSize(999);
        assertThat(comparisons).isEqualTo(999);
    }

    @Test
    void aHundredThousandUnrelatedHashesCompareUnderTwoAndAHalfPercentOfThePairs() {
        Random random = new Random(100_000);
        long[] hashes = distinct(random.longs(100_000).toArray());
        long pairs = (long) hashes.length * (hashes.length - 1) / 2;

        long comparisons = NearHashes.group(hashes, MediaFingerprints.NEAR, (earlier, later, distance) -> { });

        // by the bands' radii 3, 2, 2, 2: (697 + 3 × 137) / 65,536 = 1.7 % of the pairs are candidates
        assertThat(comparisons).isLessThan(pairs / 40).isGreaterThan(pairs / 100);
    }

    @Test
    void theBandsTogetherCoverTheThreshold() {
        for (int near = 0; near <= 30; near++) {
            int finalNear = near;
            // were every band one bit beyond its radius, the hashes would be beyond near
            assertThat(IntStream.range(0, 4).map(band -> NearHashes.radius(finalNear, band) + 1).sum())
                    .as("near %d", near).isEqualTo(near + 1);
        }
    }

    private static long flipped(long hash, Random random, int bits) {
        long flipped = hash;
        Set<Integer> positions = new HashSet<>();
        while (positions.size() < bits) {
            positions.add(random.nextInt(64));
        }
        for (int position : positions) {
            flipped ^= 1L << position;
        }
        return flipped;
    }

    private static long[] distinct(long[] hashes) {
        return Arrays.stream(hashes).distinct().toArray();
    }

    /** The definition: every pair at most near apart linked, the connected components. */
    private static Set<Set<Integer>> pairwiseGroups(long[] hashes, int near) {
        List<int[]> links = new ArrayList<>();
        for (int i = 0; i < hashes.length; i++) {
            for (int j = i + 1; j < hashes.length; j++) {
                if (Long.bitCount(hashes[i] ^ hashes[j]) <= near) {
                    links.add(new int[] {i, j});
                }
            }
        }
        return groups(hashes.length, links);
    }

    private static Set<Set<Integer>> groups(int n, List<int[]> links) {
        List<Set<Integer>> groupOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groupOf.add(new TreeSet<>(Set.of(i)));
        }
        for (int[] link : links) {
            Set<Integer> a = groupOf.get(link[0]);
            Set<Integer> b = groupOf.get(link[1]);
            if (a != b) {
                a.addAll(b);
                b.forEach(member -> groupOf.set(member, a));
            }
        }
        return new HashSet<>(groupOf);
    }
}
