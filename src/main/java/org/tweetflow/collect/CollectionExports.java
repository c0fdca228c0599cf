package org.tweetflow.collect;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.tweetflow.collect.summary.CollectionInfo;
import org.tweetflow.collect.summary.CommittedBytes;
import org.tweetflow.collect.summary.Summaries;
import org.tweetflow.collect.summary.SummaryRunner;

/**
 * A collection's exports, for the whole collection or the posts created in [from, to): the raw pages as JSON Lines
 * (one X answer a line, as twarc2's tools read them; a page keeps only its posts in the range and is left out when
 * none is), the dehydrated post ids, and tweets.csv (made in a scratch directory first). Only recorded pages are
 * read.
 */
@Component
public class CollectionExports {

    private final Collections collections;
    private final CollectionFiles files;
    private final SummaryRunner runner;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CollectionExports(Collections collections, CollectionFiles files, SummaryRunner runner, ObjectMapper mapper,
            Clock clock) {
        this.collections = collections;
        this.files = files;
        this.runner = runner;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The raw pages with the posts in the range; null bounds are open. */
    public void pages(long collectionId, Instant from, Instant to, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        forEachPage(collectionId, from, to, page -> {
            writer.write(mapper.writeValueAsString(page));
            writer.write('\n');
        });
        writer.flush();
    }

    /** The ids of the posts in the range, one a line: what twarc2's hydrate reads. */
    public void ids(long collectionId, Instant from, Instant to, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        forEachPage(collectionId, from, to, page -> {
            for (JsonNode tweet : page.path("data")) {
                writer.write(tweet.path("id").asText());
                writer.write('\n');
            }
        });
        writer.flush();
    }

    /** tweets.csv of the posts in the range, made in a scratch directory and streamed. */
    public void tweetsCsv(Collection collection, Instant from, Instant to, OutputStream out) throws IOException {
        Path scratch = Files.createTempDirectory("tweetflow-export-");
        try {
            Path pages = scratch.resolve("pages.jsonl");
            try (OutputStream raw = Files.newOutputStream(pages)) {
                pages(collection.id(), from, to, raw);
            }
            Summaries summaries = new Summaries(new CollectionInfo(Long.toString(collection.id()), collection.query()),
                    clock.instant(), collection.id());
            runner.run(pages, scratch, List.of(summaries.named("tweets.csv")), progress -> { });
            Files.copy(scratch.resolve("tweets.csv"), out);
        } finally {
            FileSystemUtils.deleteRecursively(scratch);
        }
    }

    private interface PageSink {
        void accept(JsonNode page) throws IOException;
    }

    /** The recorded pages only: a page appended but not recorded yet may still be cut. */
    private void forEachPage(long collectionId, Instant from, Instant to, PageSink sink) throws IOException {
        Path raw = files.tweets(collectionId);
        if (!Files.exists(raw)) {
            return;
        }
        long committed = collections.find(collectionId).map(Collection::dataLength).orElse(0L);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(CommittedBytes.of(raw, committed),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode page = within(mapper.readTree(line), from, to);
                    if (page != null) {
                        sink.accept(page);
                    }
                }
            }
        }
    }

    /** The page with only its posts in the range (its includes as they were); null when none is. */
    private static JsonNode within(JsonNode page, Instant from, Instant to) {
        if (from == null && to == null) {
            return page;
        }
        ArrayNode kept = ((ObjectNode) page).arrayNode();
        for (JsonNode tweet : page.path("data")) {
            Instant created = Instant.parse(tweet.path("created_at").asText());
            if ((from == null || !created.isBefore(from)) && (to == null || created.isBefore(to))) {
                kept.add(tweet);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        ObjectNode filtered = ((ObjectNode) page).deepCopy();
        filtered.set("data", kept);
        ((ObjectNode) filtered.path("meta")).put("result_count", kept.size());
        return filtered;
    }
}
