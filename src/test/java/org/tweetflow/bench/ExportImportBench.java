package org.tweetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.bench.BenchReport.MB;
import static org.tweetflow.bench.BenchReport.deleteTree;
import static org.tweetflow.bench.BenchReport.row;
import static org.tweetflow.bench.BenchReport.size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Importing a member's X export of a million posts, 2 GB, in a JVM limited to 256 MB: time, peak heap and posts per
 * second against Jackson's parse-only speed over the same tweets files. The export is generated as a stream under
 * {@code bench/export-import/} (X's layout, parts out of date order, posts since 2007, photos filling the rest) and
 * removed after.
 */
@Tag("bench")
class ExportImportBench {

    static final int POSTS = Integer.getInteger("bench.export-posts", 1_000_000);
    static final long EXPORT_MB = Long.getLong("bench.export-mb", 2048);
    static final String XMX = System.getProperty("bench.import-xmx", "256m");

    @Test
    void importAMillionPostExportOf2GbUnder256MbOfHeap() throws Exception {
        Path dir = BenchReport.dir().resolve("export-import");
        deleteTree(dir);
        Files.createDirectories(dir);
        assertThat(Files.getFileStore(dir).getUsableSpace()).as("free disk under %s for the export and what the "
                + "import writes", dir).isGreaterThan(EXPORT_MB * MB * 3);
        try {
            long started = System.nanoTime();
            GeneratedExport.Summary export = GeneratedExport.write(dir.resolve("export.zip"), POSTS, EXPORT_MB * MB,
                    GeneratedExport.PART_BYTES);
            long generateMillis = (System.nanoTime() - started) / 1_000_000;
            Properties result = HeapLimitedRun.run(ImportRun.class, dir, XMX, Duration.ofMinutes(30), "import");
            BenchReport.section("08-export-import", report(export, generateMillis, result));
        } finally {
            Path log = dir.resolve("import.log");
            if (Files.exists(log)) {
                Files.copy(log, dir.resolveSibling("export-import.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(dir);
        }
    }

    private static String report(GeneratedExport.Summary export, long generateMillis, Properties result) {
        StringBuilder md = new StringBuilder(String.format("""
                ## Importing a %s X export of %,d posts under -Xmx%s

                A generated export in X's layout (`GeneratedExport`, through the sandbox's `ExportZipWriter`): %,d
                posts since 2007 in %d tweets files of up to 100 MB out of date order (%s uncompressed), %,d photos
                filling the zip to %s, a direct message and the manifest; written as a stream in %.1f s. In a JVM of
                its own started with `-Xmx%s`, first Jackson's streaming parser reads every token of the tweets
                files (after X's JavaScript prefix): the floor any reader meets. Then the import as the service runs
                it: `ExportReader` reads the zip (every entry inflated, only the posts, manifest and account kept),
                converting each post to the archive's v2 shape into the gzip'd extracted posts, and `ExportArchive`
                sorts them into ISO weeks (external sort, 32 MB runs) and writes the archive file the member's run
                merges. Heap is watched over the import, without a `System.gc()` during it: *peak heap used* sums
                the heap pools' peaks, garbage included; *peak heap after GC* is the largest heap used right after
                a collection. Times are wall-clock. MB here are MiB.

                | figure | value |
                |---|--:|
                """, size(export.zipBytes()), export.posts(), XMX, export.posts(), export.postsFiles().size(),
                size(export.postsBytes()), export.mediaFiles(), size(export.zipBytes()), generateMillis / 1000.0,
                XMX));
        String outcome = result.getProperty("outcome", "no result");
        boolean ran = "ok".equals(outcome);
        row(md, "import under -Xmx" + XMX, ran ? "completed" : "**" + outcome + "**");
        if (ran) {
            long posts = Long.parseLong(result.getProperty("posts"));
            long parse = Math.max(1, Long.parseLong(result.getProperty("parseMillis")));
            long read = Long.parseLong(result.getProperty("readMillis"));
            long sort = Long.parseLong(result.getProperty("sortMillis"));
            long total = Math.max(1, read + sort);
            row(md, "max heap (`Runtime.maxMemory()`)", size(Long.parseLong(result.getProperty("maxHeap"))));
            row(md, "Jackson parse-only, tweets files", String.format("%.1f s, %,d tokens, %,.0f posts/s",
                    parse / 1000.0, Long.parseLong(result.getProperty("tokens")), posts * 1000.0 / parse));
            row(md, "read and convert (`ExportReader`, the whole zip)", String.format("%.1f s, %,.0f posts/s; "
                    + "extracted posts %s gzip'd", read / 1000.0, posts * 1000.0 / Math.max(1, read),
                    size(Long.parseLong(result.getProperty("extractedBytes")))));
            row(md, "sort into weeks (`ExportArchive`)", String.format("%.1f s; archive file %s, %,d posts in %,d "
                    + "weeks from %s", sort / 1000.0, size(Long.parseLong(result.getProperty("archiveBytes"))),
                    Long.parseLong(result.getProperty("archivePosts")), Long.parseLong(result.getProperty("weeks")),
                    result.getProperty("firstWeek")));
            row(md, "**import, total**", String.format("**%.1f s, %,.0f posts/s**", total / 1000.0,
                    posts * 1000.0 / total));
            row(md, "import / parse-only", String.format("%.1f ×", total / (double) parse));
            row(md, "peak heap used (sum of pool peaks)", size(Long.parseLong(result.getProperty("poolPeakSum"))));
            row(md, "**peak heap after GC**", "**" + size(Long.parseLong(result.getProperty("peakAfterGc"))) + "**");
            row(md, "collections during the import", result.getProperty("gcCount"));
            row(md, "posts", String.format("%,d read, %,d archived (%s)", posts,
                    Long.parseLong(result.getProperty("archivePosts")), posts == export.posts()
                            && Long.parseLong(result.getProperty("archivePosts")) == posts ? "every one, once"
                            : "**expected " + export.posts() + "**"));
        }
        md.append(String.format("%nTarget: the import completes under -Xmx%s with every post once: %s.%n", XMX,
                BenchReport.verdict(ran)));
        return md.toString();
    }
}
