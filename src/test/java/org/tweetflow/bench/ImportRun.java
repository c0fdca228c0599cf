package org.tweetflow.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tweetflow.archive.ArchiveStreams;
import org.tweetflow.archive.ArchiveSummary;
import org.tweetflow.archive.export.ExportArchive;
import org.tweetflow.archive.export.ExportContents;
import org.tweetflow.archive.export.ExportReader;
import org.tweetflow.archive.export.ExtractedPosts;
import org.tweetflow.config.TweetflowProperties;

/**
 * The import benchmark's own JVM (started by {@link ExportImportBench} with -Xmx256m): over the generated export,
 * first Jackson alone, parsing every token of the tweets files (the floor any reader of them meets), then the import
 * as the service runs it: {@code ExportReader} reads the zip into the extracted posts (converted, gzip'd), and
 * {@code ExportArchive} sorts them into the archive's weeks. Heap is watched over the import only.
 */
final class ImportRun {

    private ImportRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        HeapLimitedRun.record(dir, "import benchmark", result -> run(dir, result));
    }

    private static void run(Path dir, Properties result) throws IOException {
        Path zip = dir.resolve("export.zip");
        long started = System.nanoTime();
        long tokens = parseOnly(zip);
        result.setProperty("parseMillis", Long.toString(millisSince(started)));
        result.setProperty("tokens", Long.toString(tokens));

        TweetflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("tweetflow.sandbox",
                "true", "tweetflow.imports.max-upload-size", "100GB")))
                .bind("tweetflow", Bindable.of(TweetflowProperties.class)).get();
        HeapWatch heap = new HeapWatch();
        heap.start();
        started = System.nanoTime();
        Path extracted = dir.resolve("posts.jsonl.gz");
        ExportContents contents;
        try (ExtractedPosts posts = ExtractedPosts.create(extracted);
                InputStream in = new BufferedInputStream(Files.newInputStream(zip), 1 << 16)) {
            new ExportReader(properties).read("export.zip", in, posts);
            contents = posts.finish();
        }
        result.setProperty("readMillis", Long.toString(millisSince(started)));
        started = System.nanoTime();
        ArchiveSummary archive;
        try (OutputStream out = Files.newOutputStream(dir.resolve("archive.json"))) {
            ObjectMapper mapper = new ObjectMapper();
            archive = new ExportArchive(new ArchiveStreams(mapper), mapper, properties).write(extracted,
                    contents.account(), contents.generatedAt(), out);
        }
        result.setProperty("sortMillis", Long.toString(millisSince(started)));
        heap.stop();
        result.setProperty("posts", Long.toString(contents.posts()));
        result.setProperty("extractedBytes", Long.toString(Files.size(extracted)));
        result.setProperty("archiveBytes", Long.toString(Files.size(dir.resolve("archive.json"))));
        result.setProperty("archivePosts", Long.toString(archive.tweets()));
        result.setProperty("weeks", Integer.toString(archive.weeks()));
        result.setProperty("firstWeek", String.valueOf(archive.firstWeek()));
        result.setProperty("poolPeakSum", Long.toString(heap.poolPeakSum()));
        result.setProperty("peakAfterGc", Long.toString(heap.peakAfterGc()));
        result.setProperty("gcCount", Long.toString(heap.collections()));
        result.setProperty("maxHeap", Long.toString(Runtime.getRuntime().maxMemory()));
    }

    /** Every token of every tweets file, as Jackson's streaming parser reads it after X's JavaScript prefix. */
    private static long parseOnly(Path zip) throws IOException {
        JsonFactory json = new JsonFactory();
        long tokens = 0;
        try (ZipInputStream entries = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (!entry.getName().matches("data/tweets(-part\\d+)?\\.js")) {
                    continue;
                }
                while (entries.read() != '=') {
                    // the prefix, window.YTD.tweets.partN =
                }
                JsonParser parser = json.createParser(entries);
                parser.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
