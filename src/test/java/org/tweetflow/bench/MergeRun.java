package org.tweetflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.tweetflow.archive.ArchiveStreams;
import org.tweetflow.archive.ArchiveSummary;
import org.tweetflow.archive.FetchedWeek;
import org.tweetflow.archive.IsoWeek;
import org.tweetflow.twitter.Includes;

/**
 * The merge benchmark's own JVM (started by {@link MergeHeapBench} with a small -Xmx): copies the generated archive
 * with {@code Files.copy}, then merges one re-fetched week (its archived posts and {@link #NEW_POSTS} new ones) into
 * it with {@link ArchiveStreams}, each {@link #RUNS} times, and writes what it measured to {@code result.properties}
 * in the directory given.
 */
final class MergeRun {

    static final int NEW_POSTS = 20;
    /** Copies and merges are timed this often (the machine may be busy with other work), heap over all of them. */
    static final int RUNS = 3;
    private static final long SAMPLE_MILLIS = 5;

    private MergeRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        HeapLimitedRun.record(dir, "merge benchmark", result -> run(dir, result));
    }

    private static void run(Path dir, Properties result) throws IOException, InterruptedException {
        Path archive = dir.resolve("archive.json");
        ArchiveGenerator.Manifest manifest = ArchiveGenerator.Manifest.load(dir.resolve("manifest.properties"));
        ArchiveGenerator.Week refetched = new ArchiveGenerator().week(manifest.lastWeek(),
                manifest.lastWeekTweets() + NEW_POSTS, manifest.lastWeekGapMillis(), manifest.lastWeekEnd());
        FetchedWeek week = fetched(manifest.lastWeek(), refetched);
        ArchiveStreams streams = new ArchiveStreams(new ObjectMapper());

        Path copy = dir.resolve("copy.json");
        long[] copyMillis = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            Files.deleteIfExists(copy);
            long started = System.nanoTime();
            Files.copy(archive, copy);
            copyMillis[run] = (System.nanoTime() - started) / 1_000_000;
        }

        // A clean start for the figures; no System.gc() while the merge runs.
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong afterGc = new AtomicLong();
        AtomicLong gcs = new AtomicLong();
        ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc)
                .addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                .mapToLong(MemoryUsage::getUsed).sum();
                        afterGc.accumulateAndGet(used, Math::max);
                        gcs.incrementAndGet();
                    }
                }, null, null));
        Sampler sampler = new Sampler();
        sampler.start();

        long[] mergeMillis = new long[RUNS];
        ArchiveSummary summary = null;
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(archive);
                    OutputStream out = Files.newOutputStream(dir.resolve("merged.json"))) {
                summary = merge(streams, in, week, out);
            }
            mergeMillis[run] = (System.nanoTime() - started) / 1_000_000;
        }
        sampler.interrupt();
        sampler.join();

        long poolPeaks = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        result.setProperty("runs", Integer.toString(RUNS));
        result.setProperty("copyMillis", join(copyMillis));
        result.setProperty("mergeMillis", join(mergeMillis));
        result.setProperty("baselineHeap", Long.toString(baseline));
        result.setProperty("poolPeakSum", Long.toString(poolPeaks));
        result.setProperty("sampledPeak", Long.toString(sampler.peak));
        result.setProperty("peakAfterGc", Long.toString(afterGc.get()));
        result.setProperty("gcCount", Long.toString(gcs.get()));
        result.setProperty("maxHeap", Long.toString(Runtime.getRuntime().maxMemory()));
        result.setProperty("collectors", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> gc.getName()).toList()));
        result.setProperty("inputArguments", String.join(" ", ManagementFactory.getRuntimeMXBean()
                .getInputArguments()));
        result.setProperty("mergedTweets", Long.toString(summary.tweets()));
        result.setProperty("mergedWeeks", Integer.toString(summary.weeks()));
    }

    private static String join(long[] values) {
        return String.join(",", LongStream.of(values).mapToObj(Long::toString).toList());
    }

    // The product's merge API is used here and in fetched() only, so a change to it is one edit here.

    /** A week as the sync hands it to the merge: fetched now, the current week so not complete. */
    static FetchedWeek fetched(IsoWeek id, ArchiveGenerator.Week week) {
        return new FetchedWeek(id, Instant.now(), false, week.tweets(), new Includes().add(week.includes()));
    }

    /** The re-fetched week laid over the archive, the merged archive written to {@code out}. */
    static ArchiveSummary merge(ArchiveStreams streams, InputStream archive, FetchedWeek week, OutputStream out)
            throws IOException {
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>(Map.of(week.week(), week));
        return streams.merge(archive, fetched, ArchiveGenerator.ACCOUNT, Instant.now(), out);
    }

    /** Reads the used heap every few milliseconds and keeps the highest. */
    private static final class Sampler extends Thread {
        volatile long peak;

        Sampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
