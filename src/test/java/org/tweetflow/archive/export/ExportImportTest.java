package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.LogLines;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.archive.IsoWeek;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.web.HttpBrowser;

/**
 * A member imports the export X lets them download, through the pages, against the sandbox: @veteran_vera's export
 * (4,000 posts since 2007, of which X's API serves 3,167) from the sandbox's X, in X's layout with parts out of date
 * order, a direct message and a photo.
 */
@TweetflowTest
@TestPropertySource(properties = {"tweetflow.archive.claim-queued=true", "tweetflow.archive.poll-interval=PT0.2S",
        "tweetflow.archive.retry-delay=PT1S", "tweetflow.http.max-retries=1", "tweetflow.http.retry-delay=100",
        "tweetflow.simulation.timeline-limit=100000", "tweetflow.imports.max-posts-file-size=4MB"})
class ExportImportTest {

    static final String ADA = "10000001";
    static final Duration IMPORT = Duration.ofSeconds(120);

    @Value("${server.port}")
    int port;
    @Value("${tweetflow.imports.dir}")
    Path importsDir;
    @Autowired
    ConnectedMembers members;
    @Autowired
    OpenHumansSimulator openHumans;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxFaults faults;
    @TempDir
    Path downloads;

    private final ObjectMapper mapper = new ObjectMapper();
    private HttpBrowser browser;

    @BeforeEach
    void signIn() throws Exception {
        members.forgetAll();
        browser = new HttpBrowser(HttpBrowser.client(), URI.create("http://localhost:" + port));
        browser.signIn(ADA);
    }

    @AfterEach
    void forget() {
        faults.clear();
        members.forgetAll();
    }

    @Test
    void importingVerasExportAfterHerFirstSyncLeavesEveryPostOfTheExportOnceInItsWeekWithItsTextAsPosted()
            throws Exception {
        browser.connectX(XSimulator.VETERAN);
        awaitArchiveSynced();
        Path export = download("veteran_vera");

        String message = directMessage(export);
        try (LogLines logs = LogLines.everything()) {
            upload(export);
            awaitImport(ArchiveImports.DONE);

            assertThat(logs.matching(event -> event.getFormattedMessage().contains(message)
                    || event.getThrowableProxy() != null && String.valueOf(event.getThrowableProxy().getMessage())
                            .contains(message))).isEmpty();
        }
        assertEveryPostOfTheExportOnceInItsWeek(export);
        assertThat(archiveFiles()).hasSize(1);
        assertThat(importFiles()).as("the posts read from the upload, once imported").isEmpty();
        assertNowhereOnDiskOrAtOpenHumans(message);
    }

    @Test
    void importingBeforeConnectingXThenConnectingLeavesTheSameArchive() throws Exception {
        Path export = download("veteran_vera");

        upload(export);
        awaitImport(ArchiveImports.DONE);
        assertEveryPostOfTheExportOnceInItsWeek(export);

        browser.connectX(XSimulator.VETERAN);
        awaitArchiveSynced();
        assertEveryPostOfTheExportOnceInItsWeek(export);
        // the weeks X serves were fetched from X after all: their posts are the API's copies now
        assertThat(archivedPosts().values().stream().filter(post -> !post.path("from_export").asBoolean()))
                .hasSizeGreaterThanOrEqualTo(3167);
        assertNowhereOnDiskOrAtOpenHumans(directMessage(export));
    }

    @Test
    void anImportWhoseUploadToOpenHumansFailedIsMergedByTheNextRunWithEachPostOnce() throws Exception {
        Path export = download("veteran_vera");
        // the new archive's PUT fails, redelivery included: the run ends waiting for Open Humans
        for (int answer = 0; answer < 2; answer++) {
            faults.inject(Fault.status("PUT", "/openhumans/storage/**", 503, "<Error><Code>SlowDown</Code></Error>"));
        }

        upload(export);

        await().atMost(IMPORT).until(() -> faults.queued() == 0);
        awaitImport(ArchiveImports.DONE);
        assertEveryPostOfTheExportOnceInItsWeek(export);
        assertThat(importFiles()).isEmpty();
    }

    @Test
    void anotherAccountsExportIsRefusedAndTheArchiveStaysAsItWas() throws Exception {
        browser.connectX(XSimulator.SANDY);
        awaitArchiveSynced();
        Map<Long, String> before = archiveBytes();
        Path export = download("veteran_vera");

        upload(export);

        awaitImport(ArchiveImports.REFUSED);
        assertThat(importDetail()).contains("@veteran_vera").contains("@sandy_archivist");
        assertThat(archiveBytes()).isEqualTo(before);
        assertThat(importFiles()).isEmpty();
    }

    @Test
    void eachHostileUploadIsRefusedWithItsReasonAndTheArchiveStaysAsItWas() throws Exception {
        browser.connectX(XSimulator.VETERAN);
        awaitArchiveSynced();
        Map<Long, String> before = archiveBytes();
        byte[] vera = Files.readAllBytes(download("veteran_vera"));
        String account = "window.YTD.account.part0 = [{\"account\":{\"accountId\":\"" + XSimulator.VETERAN
                + "\",\"username\":\"veteran_vera\",\"accountDisplayName\":\"Veteran Vera\"}}]";
        String post = "{\"tweet\":{\"id_str\":\"5\",\"full_text\":\"%s\",\"created_at\":"
                + "\"Fri Aug 09 23:11:41 +0000 2019\"}}";
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("inflates to more than", zip(Map.of("data/account.js", account.getBytes(StandardCharsets.UTF_8),
                "data/tweets.js", ("window.YTD.tweets.part0 = [" + String.format(post, "x") + "]")
                        .getBytes(StandardCharsets.UTF_8), "data/tweets_media/1-bomb.jpg", new byte[64 << 20])));
        hostile.put("leads out of its folder", zip(Map.of("data/account.js", account.getBytes(StandardCharsets.UTF_8),
                "data/../../etc/tweets.js", "window.YTD.tweets.part0 = []".getBytes(StandardCharsets.UTF_8))));
        hostile.put("nests its JSON deeper", zip(Map.of("data/account.js", account.getBytes(StandardCharsets.UTF_8),
                "data/tweets.js", ("window.YTD.tweets.part0 = [{\"tweet\":{\"id_str\":\"5\",\"entities\":" + "[".repeat(5000)
                        + "]".repeat(5000) + "}}]")
                        .getBytes(StandardCharsets.UTF_8))));
        hostile.put("is larger than 4 MB", zip(Map.of("data/account.js", account.getBytes(StandardCharsets.UTF_8),
                "data/tweets.js", ("window.YTD.tweets.part0 = [" + String.join(",", Collections.nCopies(
                        600, String.format(post, randomText(8000)))) + "]").getBytes(StandardCharsets.UTF_8))));
        hostile.put("cut short", Arrays.copyOf(vera, vera.length / 2));
        hostile.put("does not begin the way X writes it", zip(Map.of("data/account.js",
                account.getBytes(StandardCharsets.UTF_8), "data/tweets.js", ("window.YTD.tweets = [" + String.format(
                        post, "x") + "]").getBytes(StandardCharsets.UTF_8))));
        hostile.put("not an X data export", zip(Map.of("holiday/photo.jpg", new byte[] {1, 2, 3})));
        hostile.put("a tweets file is missing", withoutEntry(vera, "data/tweets-part1.js"));

        for (Map.Entry<String, byte[]> upload : hostile.entrySet()) {
            Path file = downloads.resolve("hostile.zip");
            Files.write(file, upload.getValue());

            upload(file);

            awaitImport(ArchiveImports.REFUSED);
            assertThat(importDetail()).as(upload.getKey()).contains(upload.getKey());
            assertThat(archiveBytes()).as(upload.getKey()).isEqualTo(before);
            assertThat(importFiles()).as(upload.getKey()).isEmpty();
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The zip with every entry but {@code name}. */
    private static byte[] withoutEntry(byte[] zip, String name) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().equals(name)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return zip(entries);
    }

    /** Text that does not compress far: a large file, not a bomb. */
    private static String randomText(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private void upload(Path export) throws Exception {
        String action = browser.page("/import").getElementById("import-form").attr("action");
        HttpResponse<String> answer = browser.upload(action, "files", List.of(export));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/import"));
    }

    private void awaitImport(String state) {
        await().atMost(IMPORT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT state FROM archive_import", String.class)).containsExactly(state));
    }

    private String importDetail() {
        return jdbc.queryForObject("SELECT detail FROM archive_import", String.class);
    }

    private void awaitArchiveSynced() {
        await().atMost(IMPORT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("SELECT state FROM archive_state", String.class)).containsExactly("idle");
            assertThat(jdbc.queryForList("SELECT id FROM work_item", Long.class)).isEmpty();
        });
    }

    private Path download(String username) throws Exception {
        Path zip = downloads.resolve(username + ".zip");
        HttpResponse<Path> answer = HttpBrowser.client().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + SandboxClients.X_PATH + "/settings/download_your_data/" + username)).build(),
                HttpResponse.BodyHandlers.ofFile(zip));
        assertThat(answer.statusCode()).isEqualTo(200);
        return zip;
    }

    /** The archive holds every post the export holds, once, each in the ISO week of its time, its text unescaped. */
    private void assertEveryPostOfTheExportOnceInItsWeek(Path export) throws Exception {
        Map<String, JsonNode> exported = exportedPosts(export);
        Map<String, JsonNode> archived = archivedPosts();

        assertThat(archived.keySet()).containsAll(exported.keySet());
        exported.forEach((id, post) -> assertThat(archived.get(id).path("text").asText()).as(id)
                .isEqualTo(post.path("full_text").asText().replace("&lt;", "<").replace("&gt;", ">")
                        .replace("&amp;", "&")));
        assertThat(exported.values()).as("posts with & < > in the export").anyMatch(post -> post.path("full_text")
                .asText().contains("&amp;"));
    }

    /** Every post of the archive by id; fails when an id is there twice or a post is outside its week. */
    private Map<String, JsonNode> archivedPosts() throws Exception {
        List<SimulatedFile> files = archiveFiles();
        assertThat(files).hasSize(1);
        JsonNode archive;
        try (InputStream in = openHumans.open(files.get(0).id())) {
            archive = mapper.readTree(in);
        }
        Map<String, JsonNode> posts = new HashMap<>();
        for (JsonNode week : archive.path("weeks")) {
            for (JsonNode post : week.path("tweets")) {
                assertThat(posts.put(post.path("id").asText(), post)).as("post " + post.path("id") + " once").isNull();
                assertThat(IsoWeek.of(Instant.parse(post.path("created_at").asText())).toString())
                        .as("the week of post " + post.path("id")).isEqualTo(week.path("week").asText());
            }
        }
        return posts;
    }

    /** The export's posts by id, read here on their own (X's layout: a JS prefix, then a JSON array). */
    private Map<String, JsonNode> exportedPosts(Path export) throws IOException {
        Map<String, JsonNode> posts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(export))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().matches(".*data/tweets(-part\\d+)?\\.js")) {
                    String script = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    for (JsonNode item : mapper.readTree(script.substring(script.indexOf('[')))) {
                        JsonNode post = item.has("tweet") ? item.get("tweet") : item;
                        posts.put(post.path("id_str").asText(), post);
                    }
                }
            }
        }
        assertThat(posts).hasSize(4000);
        return posts;
    }

    /** The text of the direct message the sandbox put in the export. */
    private String directMessage(Path export) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(export))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith("data/direct-messages.js")) {
                    String script = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    JsonNode messages = mapper.readTree(script.substring(script.indexOf('[')));
                    String text = messages.findValue("text").asText();
                    assertThat(text).isNotBlank();
                    return text;
                }
            }
        }
        throw new AssertionError("the export holds no direct message");
    }

    /** Not in any file the service or the sandbox wrote (the imports, Open Humans' storage), nor at Open Humans. */
    private void assertNowhereOnDiskOrAtOpenHumans(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(importsDir.getParent())) {
            files.filter(Files::isRegularFile).forEach(written::add);
        }
        try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            temporary.filter(file -> file.getFileName().toString().startsWith("tweetflow-"))
                    .filter(Files::isRegularFile).forEach(written::add);
        }
        assertThat(written).as("files written").isNotEmpty();
        for (Path file : written) {
            assertThat(contains(Files.readAllBytes(file), needle)).as(file.toString()).isFalse();
        }
        for (var member : openHumans.members()) {
            for (SimulatedFile file : openHumans.files(member.projectMemberId())) {
                try (InputStream in = openHumans.open(file.id())) {
                    assertThat(contains(in.readAllBytes(), needle)).as(file.basename()).isFalse();
                }
                assertThat(file.metadataJson()).doesNotContain(text);
            }
        }
    }

    /** Byte for byte: ISO-8859-1 maps each byte to one char. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle,
                StandardCharsets.ISO_8859_1));
    }

    private List<SimulatedFile> archiveFiles() {
        return openHumans.files(ADA).stream().filter(file -> ArchiveFile.BASENAME.equals(file.basename())).toList();
    }

    /** Each archive file's content by its id at Open Humans. */
    private Map<Long, String> archiveBytes() throws IOException {
        Map<Long, String> contents = new HashMap<>();
        for (SimulatedFile file : archiveFiles()) {
            try (InputStream in = openHumans.open(file.id())) {
                contents.put(file.id(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

    private List<Path> importFiles() throws IOException {
        if (!Files.exists(importsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(importsDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
