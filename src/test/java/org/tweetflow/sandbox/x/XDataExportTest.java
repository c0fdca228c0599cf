package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.x.XSimulator.VETERAN;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.SandboxTest;

/** The simulated X builds veteran_vera's "Your X data" export in X's layout, every post of hers once. */
@SandboxTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XDataExportTest {

    static final String PATH = SandboxClients.X_PATH + "/settings/download_your_data/";
    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Autowired
    XSimulator sim;
    @Autowired
    SandboxHttp http;

    HttpResponse<InputStream> answer;
    ExportZip export;

    @BeforeAll
    void downloadVerasExport() throws Exception {
        answer = http.send(HttpRequest.newBuilder(http.local(PATH + "veteran_vera")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            export = ExportZip.read(body);
        }
    }

    @Test
    void exportIsAZipDownloadOfTheAccount() throws IOException {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"twitter-").endsWith("-veteran_vera.zip\"");
        assertThat(export.scripts().get("data/account.js")).startsWith("window.YTD.account.part0 = [");
        JsonNode account = export.json("data/account.js").path(0).path("account");
        assertThat(account.path("accountId").asText()).isEqualTo(VETERAN);
        assertThat(account.path("username").asText()).isEqualTo("veteran_vera");
        assertThat(account.path("accountDisplayName").asText()).isEqualTo("Veteran Vera");
        assertThat(account.path("createdAt").asText()).isEqualTo("2007-03-14T18:02:00.000Z");
        assertThat(account.path("email").asText()).isEqualTo("veteran_vera@private-mail.sandbox.invalid");
        JsonNode manifest = export.json("data/manifest.js");
        assertThat(export.scripts().get("data/manifest.js")).startsWith("window.__THAR_CONFIG = {");
        assertThat(manifest.at("/userInfo/accountId").asText()).isEqualTo(VETERAN);
        assertThat(manifest.at("/userInfo/userName").asText()).isEqualTo("veteran_vera");
        assertThat(manifest.at("/userInfo/displayName").asText()).isEqualTo("Veteran Vera");
        assertThat(Instant.parse(manifest.at("/archiveInfo/generationDate").asText())).isAfter(sim.createdAt());
    }

    @Test
    void everyPostOfTheAccountIsInTheExportOnceWithheldAndOldOnesToo() {
        List<String> ids = export.posts().stream().map(p -> p.path("id_str").asText()).toList();
        List<Tweet> posts = sim.posts(VETERAN);
        assertThat(ids).hasSize(4000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(posts.stream().map(Tweet::idString).toList());
        assertThat(ids).contains(posts.stream().filter(Tweet::withheld).findFirst().orElseThrow().idString());

        List<Instant> times = export.posts().stream().map(p -> createdAt(p)).toList();
        long beforeFloor = times.stream().filter(t -> t.isBefore(XTimeWindow.TIMELINE_FLOOR)).count();
        assertThat(beforeFloor).isEqualTo(posts.stream().filter(t -> t.createdAt().isBefore(XTimeWindow.TIMELINE_FLOOR))
                .count()).isGreaterThan(500);
        assertThat(times).anyMatch(t -> t.atZone(ZoneOffset.UTC).getYear() == 2008)
                .anyMatch(t -> t.atZone(ZoneOffset.UTC).getYear() == 2007);
        // before the snowflake epoch X numbered posts in order: small ids, not times
        assertThat(export.posts()).filteredOn(p -> createdAt(p).toEpochMilli() < XSimulator.TWITTER_EPOCH)
                .allMatch(p -> Long.parseLong(p.path("id_str").asText())
                        < (XTimeWindow.TIMELINE_FLOOR.toEpochMilli() - XSimulator.TWITTER_EPOCH) << 22);
    }

    @Test
    void postsAreInPartsThatAreNotInDateOrderAndTheManifestCountsThem() throws IOException {
        List<String> names = new ArrayList<>(export.postsFiles().keySet());
        assertThat(names).hasSizeGreaterThanOrEqualTo(3);
        assertThat(names.get(0)).isEqualTo("data/tweets.js");
        for (int part = 0; part < names.size(); part++) {
            String name = names.get(part);
            assertThat(name).isEqualTo(part == 0 ? "data/tweets.js" : "data/tweets-part" + part + ".js");
            assertThat(export.scripts().get(name)).startsWith("window.YTD.tweets.part" + part + " = [");
        }
        List<Instant> newestOfEachPart = export.postsFiles().values().stream()
                .map(posts -> posts.stream().map(XDataExportTest::createdAt).max(Instant::compareTo).orElseThrow())
                .toList();
        assertThat(newestOfEachPart).isNotEqualTo(newestOfEachPart.stream().sorted().toList())
                .isNotEqualTo(newestOfEachPart.stream().sorted(java.util.Comparator.reverseOrder()).toList());

        List<Map<String, String>> manifestFiles = new ArrayList<>();
        export.json("data/manifest.js").at("/dataTypes/tweets/files").forEach(f -> manifestFiles.add(
                Map.of("fileName", f.path("fileName").asText(), "count", f.path("count").asText())));
        assertThat(manifestFiles).isEqualTo(export.postsFiles().entrySet().stream()
                .map(e -> Map.of("fileName", e.getKey(), "count", Integer.toString(e.getValue().size()))).toList());
    }

    @Test
    void directMessageMarkerIsOnlyInTheDirectMessagesFile() {
        assertThat(export.scripts().get("data/direct-messages.js"))
                .startsWith("window.YTD.direct_messages.part0 = [").contains(XDataExport.DIRECT_MESSAGE_MARKER);
        export.scripts().forEach((name, text) -> {
            if (!name.equals("data/direct-messages.js")) {
                assertThat(text).as(name).doesNotContain(XDataExport.DIRECT_MESSAGE_MARKER);
            }
        });
        assertThat(export.scripts().get("data/like.js")).startsWith("window.YTD.like.part0 = [");
    }

    @Test
    void photoPostsHaveTheirPicturesInTweetsMedia() {
        List<JsonNode> photoPosts = export.posts().stream().filter(p -> p.has("extended_entities")).toList();
        assertThat(photoPosts).isNotEmpty();
        for (JsonNode post : photoPosts) {
            JsonNode media = post.at("/extended_entities/media");
            assertThat(post.at("/entities/media")).hasSize(1);
            assertThat(post.at("/entities/media/0")).isEqualTo(media.get(0));
            for (JsonNode photo : media) {
                String url = photo.path("media_url_https").asText();
                String file = "data/tweets_media/" + post.path("id_str").asText() + "-"
                        + url.substring(url.lastIndexOf('/') + 1);
                assertThat(export.heads().get(file)).as(file).startsWith((byte) 0xFF, (byte) 0xD8);
                assertThat(photo.path("type").asText()).isEqualTo("photo");
                assertThat(photo.path("id_str").isTextual()).isTrue();
            }
        }
    }

    @Test
    void postsHaveXsV11ShapeWithEveryNumberAString() {
        for (JsonNode p : export.posts()) {
            assertThat(p.has("user")).isFalse();
            assertThat(p.path("id_str").asText()).isEqualTo(p.path("id").asText());
            for (String field : List.of("id_str", "id", "favorite_count", "retweet_count", "created_at", "full_text",
                    "lang", "source")) {
                assertThat(p.path(field).isTextual()).as(field).isTrue();
            }
            assertThat(p.path("source").asText()).matches("<a href=\"[^\"]+\" rel=\"nofollow\">[^<]+</a>");
            assertThat(p.at("/display_text_range/1").asText()).isEqualTo(Integer.toString(
                    p.path("full_text").asText().codePointCount(0, p.path("full_text").asText().length())));
            assertThat(p.at("/edit_info/initial/editTweetIds/0").asText()).isEqualTo(p.path("id_str").asText());
            p.path("entities").forEach(kind -> kind.forEach(e -> e.path("indices")
                    .forEach(i -> assertThat(i.isTextual()).isTrue())));
        }
        List<JsonNode> replies = export.posts().stream().filter(p -> p.has("in_reply_to_status_id_str")).toList();
        assertThat(replies).isNotEmpty().allMatch(p -> p.path("in_reply_to_user_id_str").isTextual()
                && p.path("in_reply_to_screen_name").isTextual());
        assertThat(export.posts()).filteredOn(p -> p.path("full_text").asText().startsWith("RT @")).isNotEmpty()
                .allMatch(p -> p.path("full_text").asText().codePointCount(0, p.path("full_text").asText().length())
                        <= XDataExport.RETWEET_LENGTH);
    }

    @Test
    void fullTextIsHtmlEscapedAndEntityIndicesCountInTheEscapedText() {
        Map<String, Tweet> byId = sim.posts(VETERAN).stream().collect(Collectors.toMap(Tweet::idString, t -> t));
        List<JsonNode> escaped = export.posts().stream()
                .filter(p -> byId.get(p.path("id_str").asText()).text().contains("&")).toList();
        assertThat(escaped).isNotEmpty();
        Set<String> checked = new HashSet<>();
        for (JsonNode p : escaped) {
            String fullText = p.path("full_text").asText();
            assertThat(fullText).contains("&amp; &lt;maps&gt;").doesNotContain("<").doesNotContain(">");
            for (JsonNode e : p.at("/entities/hashtags")) {
                assertThat(span(fullText, e)).isEqualTo("#" + e.path("text").asText());
                checked.add("hashtag");
            }
            for (JsonNode e : p.at("/entities/user_mentions")) {
                assertThat(span(fullText, e)).isEqualToIgnoringCase("@" + e.path("screen_name").asText());
                checked.add("mention");
            }
            for (JsonNode e : p.at("/entities/urls")) {
                assertThat(span(fullText, e)).isEqualTo(e.path("url").asText());
                checked.add("url");
            }
        }
        assertThat(checked).isNotEmpty();
        assertThat(export.posts()).allMatch(p -> !p.path("full_text").asText().matches(".*&(?!amp;|lt;|gt;).*"));
    }

    @Test
    void unknownAccountHasNoExport() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(http.local(PATH + "nobody_here")).GET().build());
        assertThat(none.statusCode()).isEqualTo(404);
    }

    static Instant createdAt(JsonNode post) {
        return Instant.from(CREATED_AT.parse(post.path("created_at").asText()));
    }

    private static String span(String text, JsonNode entity) {
        int start = Integer.parseInt(entity.at("/indices/0").asText());
        int end = Integer.parseInt(entity.at("/indices/1").asText());
        return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
    }
}
