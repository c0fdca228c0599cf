package org.tweetflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.LongStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tweetflow.collect.summary.CollectionInfo;
import org.tweetflow.collect.summary.Post;
import org.tweetflow.collect.summary.Summaries;
import org.tweetflow.collect.summary.Summary;
import org.tweetflow.collect.summary.SummaryResult;
import org.tweetflow.collect.summary.SummaryRunner;

/**
 * The summaries benchmark's own JVM (started by {@link SummariesBench} with a small -Xmx): over the generated
 * collection in the directory given, alternately parses the JSON Lines with Jackson only (each page read into a
 * tree, its posts counted: the floor any summary pays) and runs every summary in one pass with
 * {@link SummaryRunner}, {@link #RUNS} times each, then once more untimed to weigh what the summaries keep at the
 * end of the pass, and writes what it measured to {@code result.properties}.
 */
final class SummariesRun {

    static final int RUNS = 3;

    private SummariesRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        HeapLimitedRun.record(dir, "summaries benchmark", result -> run(dir, result));
    }

    private static void run(Path dir, Properties result) throws IOException {
        Path collection = dir.resolve("tweets.jsonl");
        ObjectMapper mapper = new ObjectMapper();
        SummaryRunner runner = new SummaryRunner(mapper);
        HeapWatch parseHeap = new HeapWatch();
        HeapWatch summariesHeap = new HeapWatch();
        long[] parseMillis = new long[RUNS];
        long[] summaryMillis = new long[RUNS];
        long[] parseCpuMillis = new long[RUNS];
        long[] summaryCpuMillis = new long[RUNS];
        long parsed = 0;
        SummaryResult summarised = null;
        long poolPeaks = 0;
        long afterGc = 0;
        long collections = 0;
        long pauseMillis = 0;
        long parseAfterGc = 0;
        long parseCollections = 0;
        long parsePauseMillis = 0;
        for (int run = 0; run < RUNS; run++) {
            parseHeap.start();
            long cpu = cpuNanos();
            long started = System.nanoTime();
            parsed = parseOnly(mapper, collection);
            parseMillis[run] = (System.nanoTime() - started) / 1_000_000;
            parseCpuMillis[run] = (cpuNanos() - cpu) / 1_000_000;
            parseHeap.stop();
            parseAfterGc = Math.max(parseAfterGc, parseHeap.peakAfterGc());
            parseCollections += parseHeap.collections();
            parsePauseMillis += parseHeap.pauseMillis();

            summariesHeap.start();
            cpu = cpuNanos();
            started = System.nanoTime();
            summarised = runner.run(collection, dir.resolve("out"), new Summaries(new CollectionInfo("bench",
                    "#bench"), Instant.now(), 1).all(), progress -> { });
            summaryMillis[run] = (System.nanoTime() - started) / 1_000_000;
            summaryCpuMillis[run] = (cpuNanos() - cpu) / 1_000_000;
            summariesHeap.stop();
            poolPeaks = Math.max(poolPeaks, summariesHeap.poolPeakSum());
            afterGc = Math.max(afterGc, summariesHeap.peakAfterGc());
            collections += summariesHeap.collections();
            pauseMillis += summariesHeap.pauseMillis();
        }
        result.setProperty("keptAtEnd", Long.toString(keptAtEnd(runner, collection, dir)));
        result.setProperty("parseMillis", join(parseMillis));
        result.setProperty("summaryMillis", join(summaryMillis));
        result.setProperty("parseCpuMillis", join(parseCpuMillis));
        result.setProperty("summaryCpuMillis", join(summaryCpuMillis));
        result.setProperty("parsedPosts", Long.toString(parsed));
        result.setProperty("summarisedPosts", Long.toString(summarised.posts()));
        result.setProperty("duplicates", Long.toString(summarised.duplicates()));
        result.setProperty("pages", Long.toString(summarised.pages()));
        result.setProperty("files", Integer.toString(summarised.files().size()));
        result.setProperty("poolPeakSum", Long.toString(poolPeaks));
        result.setProperty("peakAfterGc", Long.toString(afterGc));
        result.setProperty("gcCount", Long.toString(collections));
        result.setProperty("gcPauseMillis", Long.toString(pauseMillis));
        result.setProperty("parsePeakAfterGc", Long.toString(parseAfterGc));
        result.setProperty("parseGcCount", Long.toString(parseCollections));
        result.setProperty("parseGcPauseMillis", Long.toString(parsePauseMillis));
        result.setProperty("maxHeap", Long.toString(Runtime.getRuntime().maxMemory()));
        result.setProperty("collectors", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> gc.getName()).toList()));
    }

    /**
     * The heap used after a full collection right after the last post, before any file is written: what all the
     * summaries keep (their counts, the seen ids), the largest it gets, without the garbage a young collection leaves.
     */
    private static long keptAtEnd(SummaryRunner runner, Path collection, Path dir) throws IOException {
        long[] kept = new long[1];
        Summary weigh = new Summary() {
            @Override
            public String file() {
                return "kept.txt";
            }

            @Override
            public void accept(Post post) {
            }

            @Override
            public void writeTo(Path out) {
                System.gc();
                kept[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
        };
        List<Summary> summaries = new ArrayList<>(List.of(weigh));
        summaries.addAll(new Summaries(new CollectionInfo("bench", "#bench"), Instant.now(), 1).all());
        runner.run(collection, dir.resolve("out"), summaries, progress -> { });
        return kept[0];
    }

    /** What every pass over the file costs at least: each page read into a tree, as the runner reads it. */
    private static long parseOnly(ObjectMapper mapper, Path collection) throws IOException {
        long posts = 0;
        try (InputStream in = Files.newInputStream(collection);
                JsonParser parser = mapper.getFactory().createParser(in)) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode page = parser.readValueAsTree();
                posts += page.path("data").size();
            }
        }
        return posts;
    }

    /** CPU time of the whole JVM (all threads, GC included): the summaries read pages on a second thread. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String join(long[] values) {
        return String.join(",", LongStream.of(values).mapToObj(Long::toString).toList());
    }
}
