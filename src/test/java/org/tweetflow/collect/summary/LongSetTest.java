package org.tweetflow.collect.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LongSetTest {

    @Test
    void agreesWithHashSetAcrossGrowth() {
        Random random = new Random(3);
        LongSet set = new LongSet();
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            // snowflake-like ids in a narrow range, so repeats happen
            long value = i % 1000 == 0 ? 0 : 1_800_000_000_000_000_000L + random.nextInt(150_000);
            assertThat(set.add(value)).isEqualTo(expected.add(value));
        }
        assertThat(set.size()).isEqualTo(expected.size());
    }

    @Test
    void longCountsAgreeWithAHashMapAcrossGrowth() {
        Random random = new Random(4);
        LongCounts counts = new LongCounts();
        Map<Long, Long> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            long key = 1 + random.nextInt(30_000);
            counts.increment(key);
            expected.merge(key, 1L, Long::sum);
        }
        Map<Long, Long> actual = new HashMap<>();
        counts.forEach(actual::put);
        assertThat(actual).isEqualTo(expected);
        assertThat(counts.size()).isEqualTo(expected.size());
    }
}
