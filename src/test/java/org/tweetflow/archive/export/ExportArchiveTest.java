package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tweetflow.archive.ArchiveStreams;
import org.tweetflow.archive.ArchiveSummary;
import org.tweetflow.config.TweetflowProperties;

class ExportArchiveTest {

    static final ExportAccount VERA = new ExportAccount("14500001", "veteran_vera", "Veteran Vera");
    static final Instant EXPORTED_AT = Instant.parse("2026-11-25T10:00:00Z");

    final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void postsGivenOutOfOrderAcrossManyRunsComeOutWeeksAscendingNewestFirstEachIdOnce() throws IOException {
        // parts out of date order, as X writes them; a post the export holds in two parts
        Path extracted = extracted(
                post("1860000000000000003", "2024-11-20T09:00:00Z"),
                post("1590000000000000001", "2022-11-14T09:00:00Z"),
                post("1860000000000000001", "2024-11-18T09:00:00Z"),
                post("1590000000000000002", "2022-11-15T09:00:00Z"),
                post("1860000000000000002", "2024-11-19T09:00:00Z"),
                post("1860000000000000001", "2024-11-18T09:00:00Z"),
                post("1200000000000000001", "2019-11-18T09:00:00Z"),
                post("1860000000000000004", "2024-11-24T23:59:59Z"));

        JsonNode archive = write(exportArchive("700B"), extracted);

        assertThat(archive.path("weeks").findValuesAsText("week")).containsExactly("2019-W47", "2022-W46",
                "2024-W47");
        assertThat(archive.path("weeks").get(2).path("tweets").findValuesAsText("id")).containsExactly(
                "1860000000000000004", "1860000000000000003", "1860000000000000002", "1860000000000000001");
        assertThat(archive.path("weeks").get(1).path("tweets").findValuesAsText("id")).containsExactly(
                "1590000000000000002", "1590000000000000001");
    }

    @Test
    void theSortsRunsAreOnDiskWhileTheArchiveIsWrittenAndGoneAfterwards() throws IOException {
        Path extracted = extracted(manyPosts(40));
        List<Path> whileWriting = new ArrayList<>();

        exportArchive("1KB").write(extracted, VERA, EXPORTED_AT, listingOnWrite(whileWriting, false));

        assertThat(whileWriting).as("more runs than fit in the sort memory").hasSizeGreaterThan(3);
        assertThat(files()).containsExactly(extracted);
    }

    @Test
    void theSortsRunsGoWhenWritingTheArchiveFails() throws IOException {
        Path extracted = extracted(manyPosts(40));
        List<Path> whileWriting = new ArrayList<>();

        assertThatThrownBy(() -> exportArchive("1KB").write(extracted, VERA, EXPORTED_AT,
                listingOnWrite(whileWriting, true))).isInstanceOf(IOException.class);

        assertThat(whileWriting).hasSizeGreaterThan(3);
        assertThat(files()).containsExactly(extracted);
    }

    @Test
    void theSummaryCountsEachPostOnceAndTheFirstAndLastWeek() throws IOException {
        Path extracted = extracted(manyPosts(40));

        ArchiveSummary summary = exportArchive("1KB").write(extracted, VERA, EXPORTED_AT,
                new ByteArrayOutputStream());

        assertThat(summary.tweets()).isEqualTo(40);
        assertThat(summary.weeks()).isEqualTo(40);
        assertThat(summary.firstWeek()).hasToString("2025-W47");
        assertThat(summary.lastWeek()).hasToString("2026-W34");
    }

    @Test
    void weeksEndedByTheExportsDateAreCompleteAndEveryWeekIsMarkedAsFromTheExport() throws IOException {
        Path extracted = extracted(post("1860000000000000001", "2026-11-20T09:00:00Z"),
                post("1860000000000000002", "2026-11-24T09:00:00Z"));

        JsonNode weeks = write(exportArchive("32MB"), extracted).path("weeks");

        assertThat(weeks.findValuesAsText("week")).containsExactly("2026-W47", "2026-W48");
        assertThat(weeks.get(0).path("complete").asBoolean()).isTrue();
        assertThat(weeks.get(1).path("complete").asBoolean()).as("the week the export was made in").isFalse();
        assertThat(weeks.findValuesAsText("fetched_at")).containsOnly(EXPORTED_AT.toString());
        assertThat(weeks).allMatch(week -> week.path("from_export").asBoolean());
    }

    @Test
    void postsFrom2008WithSequentialIdsGoInTheir2008WeeksNewestFirstByNumber() throws IOException {
        Path extracted = extracted(post("999999", "2008-03-10T09:00:00Z"), post("1000001", "2008-03-12T09:00:00Z"),
                post("784000", "2008-01-02T09:00:00Z"), post("29000000000", "2010-11-01T09:00:00Z"));

        JsonNode weeks = write(exportArchive("32MB"), extracted).path("weeks");

        assertThat(weeks.findValuesAsText("week")).containsExactly("2008-W01", "2008-W11", "2010-W44");
        assertThat(weeks.get(1).path("start").asText()).isEqualTo("2008-03-10T00:00:00Z");
        assertThat(weeks.get(1).path("tweets").findValuesAsText("id")).containsExactly("1000001", "999999");
    }

    @Test
    void eachPostIsTheAccountsAndItsWeekIncludesTheAccountAndThatWeeksMedia() throws IOException {
        ObjectNode photo = post("1860000000000000002", "2026-11-18T09:00:00Z");
        photo.withObject("/tweet").set("attachments", mapper.createObjectNode().set("media_keys",
                mapper.createArrayNode().add("3_1860000000000000009")));
        photo.set("media", mapper.createArrayNode().add(mapper.createObjectNode()
                .put("media_key", "3_1860000000000000009").put("type", "photo")
                .put("url", "https://pbs.twimg.com/media/FxBcD3eWYAE1xyz.jpg")));
        Path extracted = extracted(photo, post("1860000000000000001", "2026-11-17T09:00:00Z"),
                post("1590000000000000001", "2022-11-14T09:00:00Z"));

        JsonNode archive = write(exportArchive("32MB"), extracted);

        assertThat(archive.path("account")).isEqualTo(mapper.valueToTree(Map.of("id", "14500001",
                "username", "veteran_vera", "name", "Veteran Vera")));
        assertThat(archive.path("weeks").findValuesAsText("author_id")).containsOnly("14500001");
        JsonNode withPhoto = archive.path("weeks").get(1).path("includes");
        assertThat(withPhoto.path("users")).containsExactly(archive.path("account"));
        assertThat(withPhoto.path("media").findValuesAsText("media_key")).containsExactly("3_1860000000000000009");
        assertThat(archive.path("weeks").get(0).path("includes").path("media")).isEmpty();
    }

    private JsonNode write(ExportArchive exportArchive, Path extracted) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exportArchive.write(extracted, VERA, EXPORTED_AT, out);
        return mapper.readTree(out.toByteArray());
    }

    private ExportArchive exportArchive(String sortMemory) {
        TweetflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("tweetflow.sandbox",
                "true", "tweetflow.token-key", "test-token-key-not-a-secret-0123456789",
                "tweetflow.imports.sort-memory", sortMemory))).bind("tweetflow", TweetflowProperties.class).get();
        return new ExportArchive(new ArchiveStreams(mapper), mapper, properties);
    }

    /** A post as the reader extracts it from the export: v2-shaped, without its author, marked. */
    private ObjectNode post(String id, String createdAt) {
        ObjectNode tweet = mapper.createObjectNode().put("id", id).put("text", "Q&A at the library, post " + id)
                .put("created_at", createdAt.replace("Z", ".000Z")).put("lang", "en")
                .put("source", "Twitter Web App");
        tweet.set("public_metrics", mapper.createObjectNode().put("retweet_count", 0).put("like_count", 2));
        tweet.set("edit_history_tweet_ids", mapper.createArrayNode().add(id));
        tweet.put("from_export", true);
        ObjectNode line = mapper.createObjectNode();
        line.set("tweet", tweet);
        return line;
    }

    /** One post a week, the newest first (an export's part is newest first, its parts in no order). */
    private ObjectNode[] manyPosts(int count) {
        return Stream.iterate(0, i -> i + 1).limit(count).map(i -> post(Long.toString(1860000000000000100L - i),
                Instant.parse("2026-08-20T09:00:00Z").minusSeconds(7L * 24 * 3600 * i).toString()))
                .toArray(ObjectNode[]::new);
    }

    private Path extracted(ObjectNode... lines) throws IOException {
        Path file = dir.resolve("5f0c1d2e.jsonl.gz");
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                StandardCharsets.UTF_8)) {
            for (ObjectNode line : lines) {
                out.write(mapper.writeValueAsString(line));
                out.write('\n');
            }
        }
        return file;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** Notes the sort's runs beside the extracted file when the archive's first bytes are written. */
    private OutputStream listingOnWrite(List<Path> runs, boolean fail) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (runs.isEmpty()) {
                    files().stream().filter(file -> file.getFileName().toString().contains(".run-"))
                            .forEach(runs::add);
                }
                if (fail) {
                    throw new IOException("No space left on device");
                }
            }
        };
    }
}
