package org.tweetflow.bench;

import static org.tweetflow.bench.BenchReport.MB;
import static org.tweetflow.bench.BenchReport.deleteTree;
import static org.tweetflow.bench.BenchReport.median;
import static org.tweetflow.bench.BenchReport.millis;
import static org.tweetflow.bench.BenchReport.row;
import static org.tweetflow.bench.BenchReport.seconds;
import static org.tweetflow.bench.BenchReport.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tweetflow.collect.summary.GeneratedCollection;
import org.tweetflow.collect.summary.Summaries;

/**
 * Summaries throughput on a generated 1,000,000-post collection: every summary in one pass against merely parsing
 * the same JSON Lines with Jackson (target: at least half the parse-only speed), and peak heap, in a JVM limited to
 * {@code -Xmx256m}. The collection is generated as a stream under {@code bench/summaries/} and removed after.
 */
@Tag("bench")
class SummariesBench {

    static final int POSTS = Integer.getInteger("bench.summaries-posts", 1_000_000);
    static final int USERS = POSTS / 5;
    static final String XMX = System.getProperty("bench.summaries-xmx", "256m");
    static final double TARGET = 0.5;

    @Test
    void summariesOfAMillionPostsRunAtLeastAtHalfTheParseOnlySpeed() throws Exception {
        Path dir = BenchReport.dir().resolve("summaries");
        deleteTree(dir);
        Files.createDirectories(dir);
        assertThat(Files.getFileStore(dir).getUsableSpace()).as("free disk under %s", dir)
                .isGreaterThan(4L * 1024 * MB);
        try {
            long started = System.nanoTime();
            Path collection = dir.resolve("tweets.jsonl");
            long pages = new GeneratedCollection(20261130L, USERS).write(collection, POSTS, 100, 0, post -> { });
            long generateMillis = (System.nanoTime() - started) / 1_000_000;
            long bytes = Files.size(collection);

            Properties result = HeapLimitedRun.run(SummariesRun.class, dir, XMX, Duration.ofMinutes(20), "summaries");
            BenchReport.section("03-summaries", report(pages, bytes, generateMillis, result));
        } finally {
            Path log = dir.resolve("summaries.log");
            if (Files.exists(log)) {
                Files.copy(log, dir.resolveSibling("summaries.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(dir);
        }
    }


    private static String report(long pages, long bytes, long generateMillis, Properties result) {
        StringBuilder md = new StringBuilder(String.format("""
                ## Summaries of a %,d-post collection under -Xmx%s

                A generated search collection (`GeneratedCollection`, seeded): %,d posts in %,d pages of 100 as JSON
                Lines, %s (%,d bytes a post with its share of the includes), %,d authors (1 in 40 not included),
                hashtags, mentions, links, photos and videos, 30 %% retweets, quotes, replies, places, 11 languages;
                written as a stream in %.1f s. In a JVM of its own started with `-Xmx%s`, %d times each, in turn:
                *parse only* reads the file with Jackson as the summaries do (each page into a tree, its posts
                counted), *all summaries* runs `SummaryRunner` with all %d outputs (tweets.csv, edge lists and ids
                written as it reads) in one pass; the runner parses pages, and reads each post once into a `Post`,
                on a second thread (`PageReader`), so wall time overlaps parsing and summarising; CPU time per post
                (the JVM's, all threads and the collector's included) shows the whole cost, and is what to compare
                on a busy machine. Heap is measured over each kind of run (one `System.gc()` before each): *peak
                heap used* sums the heap pools' peaks, garbage included; *peak heap after GC* is the largest heap
                used right after a collection (what is kept, plus what the old generation has not collected yet);
                *kept at the end* is the heap after a full collection right after the last post of one more,
                untimed pass: what the summaries keep. Collections and their pauses are summed over the %d runs of
                each kind. MB here are MiB.

                | figure | value |
                |---|--:|
                """, POSTS, XMX, POSTS, pages, size(bytes), bytes / Math.max(1, POSTS), USERS,
                generateMillis / 1000.0, XMX, SummariesRun.RUNS, Summaries.FILES.size(), SummariesRun.RUNS));
        String outcome = result.getProperty("outcome", "no result");
        boolean ran = "ok".equals(outcome);
        boolean met = false;
        row(md, "summaries under -Xmx" + XMX, ran ? "completed" : "**" + outcome + "**");
        if (ran) {
            long[] parse = millis(result.getProperty("parseMillis"));
            long[] summaries = millis(result.getProperty("summaryMillis"));
            long parseMedian = Math.max(1, median(parse));
            long summaryMedian = Math.max(1, median(summaries));
            double parseRate = POSTS * 1000.0 / parseMedian;
            double summaryRate = POSTS * 1000.0 / summaryMedian;
            met = summaryRate >= TARGET * parseRate;
            row(md, "parse only, median of " + parse.length, String.format("%.1f s: **%,.0f posts/s** (%.0f MB/s; "
                    + "runs: %s)", parseMedian / 1000.0, parseRate, bytes / (double) MB / (parseMedian / 1000.0),
                    seconds(parse, 1)));
            row(md, "all summaries, one pass, median of " + summaries.length, String.format("%.1f s: **%,.0f posts/s**"
                    + " (runs: %s)", summaryMedian / 1000.0, summaryRate, seconds(summaries, 1)));
            row(md, "**summaries / parse only**", String.format("**%.0f %%**", 100 * summaryRate / parseRate));
            long parseCpu = median(millis(result.getProperty("parseCpuMillis")));
            long summaryCpu = median(millis(result.getProperty("summaryCpuMillis")));
            row(md, "CPU time per post (JVM, all threads, GC included), parse only / summaries", String.format(
                    "%.1f µs / %.1f µs (%.1f ×)", parseCpu * 1000.0 / POSTS, summaryCpu * 1000.0 / POSTS,
                    summaryCpu / (double) Math.max(1, parseCpu)));
            row(md, "collections (pauses), parse only / summaries", String.format("%s (%,d ms) / %s (%,d ms), %s",
                    result.getProperty("parseGcCount"), Long.parseLong(result.getProperty("parseGcPauseMillis")),
                    result.getProperty("gcCount"), Long.parseLong(result.getProperty("gcPauseMillis")),
                    result.getProperty("collectors")));
            row(md, "max heap (`Runtime.maxMemory()`)", size(Long.parseLong(result.getProperty("maxHeap"))));
            row(md, "peak heap used by the summaries (sum of pool peaks)",
                    size(Long.parseLong(result.getProperty("poolPeakSum"))));
            row(md, "**peak heap after GC**, parse only / summaries", size(Long.parseLong(
                    result.getProperty("parsePeakAfterGc"))) + " / **" + size(Long.parseLong(
                    result.getProperty("peakAfterGc"))) + "**");
            row(md, "**kept at the end** of a summary pass (after a full GC)",
                    "**" + size(Long.parseLong(result.getProperty("keptAtEnd"))) + "**");
            long summarised = Long.parseLong(result.getProperty("summarisedPosts"));
            row(md, "posts summarised / parsed", String.format("%,d / %,d (%s)", summarised,
                    Long.parseLong(result.getProperty("parsedPosts")), summarised == POSTS ? "as generated"
                            : "**expected " + POSTS + "**"));
        }
        md.append(String.format("%nTarget: all summaries at ≥ %.0f %% of the parse-only speed, under -Xmx%s: %s.%n",
                TARGET * 100, XMX, BenchReport.verdict(ran && met)));
        return md.toString();
    }






}
