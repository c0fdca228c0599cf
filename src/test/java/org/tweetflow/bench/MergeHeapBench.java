package org.tweetflow.bench;

import static org.tweetflow.bench.BenchReport.MB;
import static org.tweetflow.bench.BenchReport.deleteTree;
import static org.tweetflow.bench.BenchReport.median;
import static org.tweetflow.bench.BenchReport.millis;
import static org.tweetflow.bench.BenchReport.row;
import static org.tweetflow.bench.BenchReport.seconds;
import static org.tweetflow.bench.BenchReport.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tweetflow.archive.ArchiveStreams;
import org.tweetflow.archive.ArchiveSummary;

/**
 * Peak heap while merging one week into a 500 MB archive in a JVM limited to 256 MB, and the merge's time against
 * copying the same file. The archive is generated as a stream under {@code bench/merge-heap/} and removed after.
 */
@Tag("bench")
class MergeHeapBench {

    static final long ARCHIVE_MB = Long.getLong("bench.archive-mb", 500);
    static final String XMX = System.getProperty("bench.merge-xmx", "256m");

    @Test
    void mergeOneWeekIntoA500MbArchiveUnder256MbOfHeap() throws Exception {
        Path dir = BenchReport.dir().resolve("merge-heap");
        deleteTree(dir);
        Files.createDirectories(dir);
        long needed = ARCHIVE_MB * MB * 3 + 500 * MB;
        long usable = Files.getFileStore(dir).getUsableSpace();
        assertThat(usable).as("free disk under %s for the archive, its copy and the merged file", dir)
                .isGreaterThan(needed);
        try {
            long started = System.nanoTime();
            ArchiveGenerator.Manifest manifest = new ArchiveGenerator().write(dir.resolve("archive.json"),
                    ARCHIVE_MB * MB, Instant.now());
            manifest.store(dir.resolve("manifest.properties"));
            long generateMillis = (System.nanoTime() - started) / 1_000_000;

            Properties result = HeapLimitedRun.run(MergeRun.class, dir, XMX, Duration.ofMinutes(5), "merge");
            boolean ran = "ok".equals(result.getProperty("outcome"));
            ArchiveSummary merged = ran ? index(dir.resolve("merged.json")) : null;
            long mergedBytes = ran ? Files.size(dir.resolve("merged.json")) : 0;
            BenchReport.section("02-merge-heap", report(manifest, generateMillis, result, merged, mergedBytes));
        } finally {
            keepLog(dir);
            deleteTree(dir);
        }
    }


    /** The merged file read back (streamed) for its counts. */
    private static ArchiveSummary index(Path merged) throws IOException {
        try (InputStream in = Files.newInputStream(merged)) {
            return new ArchiveStreams(new ObjectMapper()).index(in);
        }
    }

    private static String report(ArchiveGenerator.Manifest manifest, long generateMillis, Properties result,
            ArchiveSummary merged, long mergedBytes) {
        StringBuilder md = new StringBuilder(String.format("""
                ## Merging a week into a %d MB archive under -Xmx%s

                A generated archive of a heavy poster (contract format, v2 posts with replies, retweets, quotes,
                photos, polls and places, each week with the includes its posts reference): %s, %,d posts in %,d
                weeks (%s to %s), the largest week %,d posts (%s); written as a stream in %.1f s. In a JVM of its
                own started with `-Xmx%s`, `ArchiveStreams.merge` lays one re-fetched week (%s: its %d archived
                posts and %d new ones) over it, from the file to a new file, %d times; the file is also copied %d
                times with `Files.copy`. Heap is measured inside that JVM over all merges, without a `System.gc()`
                during them (one before): *peak heap used* is the sum of the heap pools' peak usage
                (`MemoryPoolMXBean.getPeakUsage()`; pools peak at different times) and includes garbage not yet
                collected; *peak heap after GC* is the largest heap used right after a collection (GC
                notifications): what the merge keeps, plus old-generation garbage a young collection leaves.
                Times are wall-clock, the file in the page cache. MB here are MiB.

                | figure | value |
                |---|--:|
                """, manifest.bytes() / MB, XMX, size(manifest.bytes()), manifest.tweets(), manifest.weeks(),
                ArchiveGenerator.FIRST_WEEK, manifest.lastWeek(), manifest.largestWeekTweets(),
                size(manifest.largestWeekBytes()), generateMillis / 1000.0, XMX, manifest.lastWeek(),
                manifest.lastWeekTweets(), MergeRun.NEW_POSTS, MergeRun.RUNS, MergeRun.RUNS));
        String outcome = result.getProperty("outcome", "no result");
        boolean ran = "ok".equals(outcome);
        row(md, "merge under -Xmx" + XMX, ran ? "completed" : "**" + outcome + "**");
        if (ran) {
            long[] copies = millis(result.getProperty("copyMillis"));
            long[] merges = millis(result.getProperty("mergeMillis"));
            long copy = Math.max(1, median(copies));
            long merge = median(merges);
            row(md, "max heap (`Runtime.maxMemory()`)", size(Long.parseLong(result.getProperty("maxHeap"))));
            row(md, "heap used before the merges", size(Long.parseLong(result.getProperty("baselineHeap"))));
            row(md, "peak heap used (sum of pool peaks)", size(Long.parseLong(result.getProperty("poolPeakSum"))));
            row(md, "peak heap used (sampled every 5 ms)", size(Long.parseLong(result.getProperty("sampledPeak"))));
            row(md, "**peak heap after GC**", "**" + size(Long.parseLong(result.getProperty("peakAfterGc")))
                    + "**");
            row(md, "collections during the merges", result.getProperty("gcCount") + " ("
                    + result.getProperty("collectors") + ")");
            row(md, "merge wall time, median of " + merges.length, String.format("%.2f s (%.0f MB/s; runs: %s)",
                    merge / 1000.0, manifest.bytes() / (double) MB / (merge / 1000.0), seconds(merges, 2)));
            row(md, "`Files.copy` wall time, same file, median of " + copies.length,
                    String.format("%.2f s (runs: %s)", copy / 1000.0, seconds(copies, 2)));
            row(md, "**merge / copy**", String.format("**%.0f ×**", merge / (double) copy));
            long expectedTweets = manifest.tweets() + MergeRun.NEW_POSTS;
            boolean counts = merged.tweets() == expectedTweets && merged.weeks() == manifest.weeks();
            row(md, "merged file", String.format("%s, %,d posts in %,d weeks (%s)", size(mergedBytes),
                    merged.tweets(), merged.weeks(), counts ? "as expected"
                            : "**expected " + expectedTweets + " posts in " + manifest.weeks() + " weeks**"));
        }
        md.append(String.format("%nTarget: the merge completes under -Xmx%s (heap follows the largest week, not "
                + "the archive): %s.%n", XMX, BenchReport.verdict(ran)));
        return md.toString();
    }






    /** The merge JVM's log stays (small) next to the report; the big files go. */
    private static void keepLog(Path dir) throws IOException {
        Path log = dir.resolve("merge.log");
        if (Files.exists(log)) {
            Files.copy(log, dir.resolveSibling("merge-heap.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

}
