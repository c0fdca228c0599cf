package org.tweetflow.archive.export;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.archive.ArchiveStreams;
import org.tweetflow.archive.ArchiveSummary;
import org.tweetflow.archive.FetchedWeek;
import org.tweetflow.archive.IsoWeek;
import org.tweetflow.archive.MalformedArchiveException;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.twitter.Includes;

/**
 * Turns the posts read from a member's X data export (one JSON line each, in the parts' order, which is not the
 * posts' order) into an archive file the sync merges like any other: its weeks ascending, each week's posts newest
 * first. An external sort: runs of at most {@code tweetflow.imports.sort-memory} of lines are sorted in memory and
 * spilled beside the extracted file, then merged k ways; the archive is written a week at a time. Heap: one run's
 * lines while reading, one week while writing, whatever the size of the export (up to a million posts).
 */
@Component("exportArchive")
public class ExportArchive {

    private static final Comparator<Line> BY_WEEK = Comparator.comparing(Line::week);

    private final ArchiveStreams streams;
    private final ObjectMapper mapper;
    private final long sortMemory;

    public ExportArchive(ArchiveStreams streams, ObjectMapper mapper, TweetflowProperties properties) {
        this.streams = streams;
        this.mapper = mapper;
        this.sortMemory = properties.imports().sortMemory().toBytes();
    }

    /**
     * Writes the archive of the extracted posts: each post's author is the export's account (the export's posts
     * name none), each week holds the account and its posts' media as includes, is complete when it ended by the
     * time the export was made, and carries the export's mark. A post the export holds twice is written once.
     *
     * @param extracted  the gzip'd JSON Lines of the reader ({@code {"tweet": {...}, "media": [...]}} a line)
     * @param exportedAt when X made the export: its weeks ended by then are whole
     */
    public ArchiveSummary write(Path extracted, ExportAccount account, Instant exportedAt, OutputStream out)
            throws IOException {
        Map<String, Object> user = user(account);
        JsonNode users = mapper.createObjectNode().set("users", mapper.createArrayNode().add(mapper.valueToTree(user)));
        try (SortedRuns runs = sort(extracted)) {
            return streams.write(user, exportedAt, writer -> {
                IsoWeek week = null;
                List<JsonNode> tweets = new ArrayList<>();
                Includes includes = new Includes().add(users);
                for (Line line = runs.next(); line != null; line = runs.next()) {
                    if (!line.week().equals(week)) {
                        if (week != null) {
                            writer.write(exportWeek(week, exportedAt, tweets, includes));
                        }
                        week = line.week();
                        tweets = new ArrayList<>();
                        includes = new Includes().add(users);
                    }
                    JsonNode post = mapper.readTree(line.json());
                    // marked here too: the merge's rule that the API's copy wins rests on the mark
                    tweets.add(((ObjectNode) post.path("tweet")).put("author_id", account.id())
                            .put(ArchiveFormat.FROM_EXPORT, true));
                    if (post.has("media")) {
                        includes.add(mapper.createObjectNode().set("media", post.path("media")));
                    }
                }
                if (week != null) {
                    writer.write(exportWeek(week, exportedAt, tweets, includes));
                }
            }, out);
        }
    }

    /** The account as a v2 user, the author of every post of the export. */
    private static Map<String, Object> user(ExportAccount account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", account.id());
        user.put("username", account.username());
        if (account.name() != null) {
            user.put("name", account.name());
        }
        return user;
    }

    /** The archive's writer orders the week's posts newest first and writes each id once. */
    private static FetchedWeek exportWeek(IsoWeek week, Instant exportedAt, List<JsonNode> tweets,
            Includes includes) {
        return new FetchedWeek(week, exportedAt, !week.end().isAfter(exportedAt), tweets, includes, null, true);
    }

    /**
     * Reads the extracted posts in runs of at most the sort memory, each sorted by week and spilled to a file of its
     * own (unless the whole export fits in one run); the runs go when the returned merge is closed.
     */
    private SortedRuns sort(Path extracted) throws IOException {
        SortedRuns runs = new SortedRuns();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(extracted), 1 << 16), StandardCharsets.UTF_8))) {
            List<Line> run = new ArrayList<>();
            long held = 0;
            for (String json = in.readLine(); json != null; json = in.readLine()) {
                if (json.isBlank()) {
                    continue;
                }
                run.add(new Line(weekOf(json), json));
                held += json.length();
                if (held >= sortMemory) {
                    runs.spill(run, extracted);
                    run = new ArrayList<>();
                    held = 0;
                }
            }
            runs.last(run, extracted);
            return runs;
        } catch (IOException | RuntimeException e) {
            runs.close();
            throw e;
        }
    }

    /** The ISO week of a post's {@code created_at}, read without building the post's tree. */
    private IsoWeek weekOf(String json) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean tweet = "tweet".equals(parser.currentName());
                    if (parser.nextToken() == JsonToken.START_OBJECT && tweet) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            boolean createdAt = "created_at".equals(parser.currentName());
                            if (parser.nextToken() == JsonToken.VALUE_STRING && createdAt) {
                                return IsoWeek.of(Instant.parse(parser.getText()));
                            }
                            parser.skipChildren();
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        throw new MalformedArchiveException("an extracted post without a tweet and its created_at");
    }

    /** A post's line and the week it sorts by. */
    private record Line(IsoWeek week, String json) {
    }

    /** The runs of the sort, merged k ways in week order; closing deletes their files. */
    private final class SortedRuns implements Closeable {

        private final List<Path> files = new ArrayList<>();
        private final List<BufferedReader> readers = new ArrayList<>();
        private final PriorityQueue<Run> heads = new PriorityQueue<>(Comparator.comparing(Run::head, BY_WEEK));

        /** Sorts a full run and writes it to a file of its own, each line after its week. */
        void spill(List<Line> run, Path extracted) throws IOException {
            run.sort(BY_WEEK);
            // beside the extracted file: the imports volume is sized for exports, and a killed replica's runs are
            // named after the file whose import they belong to
            Path file = Files.createTempFile(extracted.toAbsolutePath().getParent(),
                    extracted.getFileName() + ".run-", ".gz");
            files.add(file);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
                for (Line line : run) {
                    out.write(line.week().toString());
                    out.write('\t');
                    out.write(line.json());
                    out.write('\n');
                }
            }
        }

        /** The last run: kept in memory when it is the only one, else spilled too; then the merge begins. */
        void last(List<Line> run, Path extracted) throws IOException {
            if (files.isEmpty()) {
                run.sort(BY_WEEK);
                Iterator<Line> lines = run.iterator();
                add(new Run(() -> lines.hasNext() ? lines.next() : null));
                return;
            }
            if (!run.isEmpty()) {
                spill(run, extracted);
            }
            for (Path file : files) {
                // small buffers: every run is open at once (a 16 GB export in runs of 32 MB is hundreds)
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(file), 8192), StandardCharsets.UTF_8), 8192);
                readers.add(reader);
                add(new Run(() -> {
                    String line = reader.readLine();
                    int tab = line == null ? -1 : line.indexOf('\t');
                    return tab < 0 ? null : new Line(IsoWeek.parse(line.substring(0, tab)), line.substring(tab + 1));
                }));
            }
        }

        /** The next line in week order; null once every run is read through. */
        Line next() throws IOException {
            Run run = heads.poll();
            if (run == null) {
                return null;
            }
            Line line = run.head();
            add(run);
            return line;
        }

        private void add(Run run) throws IOException {
            if (run.advance()) {
                heads.add(run);
            }
        }

        @Override
        public void close() throws IOException {
            for (BufferedReader reader : readers) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // only read from: nothing is lost
                }
            }
            IOException undeleted = null;
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    undeleted = e;
                }
            }
            if (undeleted != null) {
                throw undeleted;
            }
        }
    }

    /** The lines of one sorted run, one at a time; null after the last. */
    @FunctionalInterface
    private interface RunLines {
        Line next() throws IOException;
    }

    /** One sorted run being merged, with its current line. */
    private static final class Run {
        private final RunLines lines;
        private Line head;

        Run(RunLines lines) {
            this.lines = lines;
        }

        boolean advance() throws IOException {
            head = lines.next();
            return head != null;
        }

        Line head() {
            return head;
        }
    }
}
