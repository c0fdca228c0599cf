package org.tweetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tweetflow.collect.Fingerprint;
import org.tweetflow.collect.MediaGraph;
import org.tweetflow.collect.Photo;

/**
 * Grouping the photos of a large collection into near duplicates ({@code MediaGraph.of}, the media step's graph):
 * 100,000 fingerprints, as a viral collection has them: a tenth identical copies of a few pictures, a third near
 * copies (re-encoded: up to 6 of 64 bits changed) of 100 pictures, the rest unrelated. Time (median of 3) and heap.
 */
@Tag("bench")
class MediaGraphBench {

    static final int PHOTOS = Integer.getInteger("bench.media-photos", 100_000);
    static final long TARGET_MILLIS = 10_000;
    static final int NEAR = 12;

    @Test
    void groupAHundredThousandPhotosInSeconds() throws Exception {
        List<Fingerprint> fingerprints = fingerprints(new Random(8));
        HeapWatch heap = new HeapWatch();
        long[] millis = new long[3];
        long[] cpuMillis = new long[3];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MediaGraph graph = null;
        heap.start();
        for (int run = 0; run < millis.length; run++) {
            long started = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            graph = MediaGraph.of(fingerprints, NEAR);
            cpuMillis[run] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            millis[run] = (System.nanoTime() - started) / 1_000_000;
        }
        heap.stop();
        int groups = graph.clusters().size();
        assertThat(graph.nodes()).hasSize(PHOTOS);
        assertThat(graph.links()).hasSizeLessThan(PHOTOS);

        long median = BenchReport.median(millis);
        StringBuilder md = new StringBuilder("## Near-duplicate photos\n\n");
        md.append(String.format("| %,d photos grouped by `MediaGraph.of` (near: at most %d of 64 bits) | |%n",
                PHOTOS, NEAR));
        md.append("|---|--:|\n");
        BenchReport.row(md, "time, median of 3", String.format("%.2f s (runs %s)", median / 1000.0,
                BenchReport.seconds(millis, 2)));
        // on a busy machine the wall time is mostly waiting for a core: the CPU time is the work
        BenchReport.row(md, "CPU time of the grouping thread, median of 3", String.format("%.2f s",
                BenchReport.median(cpuMillis) / 1000.0));
        BenchReport.row(md, "links written (one per join, never every pair)", String.format("%,d", graph.links().size()));
        BenchReport.row(md, "groups of matching photos", String.format("%,d", groups));
        BenchReport.row(md, "peak heap after GC", BenchReport.size(heap.peakAfterGc()));
        BenchReport.row(md, "target", String.format("under %d s: %s", TARGET_MILLIS / 1000,
                BenchReport.verdict(median < TARGET_MILLIS)));
        BenchReport.section("04-media-graph", md.toString());
    }

    private static List<Fingerprint> fingerprints(Random random) {
        long[] viral = random.longs(100).toArray();
        long[] copied = random.longs(20).toArray();
        List<Fingerprint> fingerprints = new ArrayList<>(PHOTOS);
        for (int i = 0; i < PHOTOS; i++) {
            Photo photo = new Photo("3_" + (1_400_000_000_000_000_000L + i), "https://pbs.twimg.com/media/" + i
                    + ".jpg", 1 + random.nextInt(5));
            int kind = random.nextInt(30);
            if (kind < 3) {
                int picture = random.nextInt(copied.length);
                fingerprints.add(new Fingerprint(photo, "copy-" + picture, copied[picture], null));
            } else if (kind < 13) {
                long hash = viral[random.nextInt(viral.length)];
                for (int bit = 0, bits = random.nextInt(7); bit < bits; bit++) {
                    hash ^= 1L << random.nextInt(64);
                }
                fingerprints.add(new Fingerprint(photo, "md5-" + i, hash, null));
            } else {
                fingerprints.add(new Fingerprint(photo, "md5-" + i, random.nextLong(), null));
            }
        }
        return fingerprints;
    }
}
