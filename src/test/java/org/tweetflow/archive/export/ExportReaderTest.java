package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.archive.export.ExportFixtures.account;
import static org.tweetflow.archive.export.ExportFixtures.bytes;
import static org.tweetflow.archive.export.ExportFixtures.ids;
import static org.tweetflow.archive.export.ExportFixtures.lines;
import static org.tweetflow.archive.export.ExportFixtures.manifest;
import static org.tweetflow.archive.export.ExportFixtures.post;
import static org.tweetflow.archive.export.ExportFixtures.properties;
import static org.tweetflow.archive.export.ExportFixtures.text;
import static org.tweetflow.archive.export.ExportFixtures.zip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layouts X wrote its exports in over the years, and what of them is read. */
class ExportReaderTest {

    private static final String JAN = "Mon Jan 01 10:00:00 +0000 2024";

    @TempDir
    Path dir;

    private final ExportReader reader = new ExportReader(properties());

    @Test
    void readsAZipWhoseEntryNamesAreNotUtf8() throws IOException {
        // Windows' "compressed folder" writes names in its code page, without the zip's UTF-8 flag
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, Charset.forName("IBM437"))) {
            for (String[] entry : new String[][] {{"Donn\u00e9es/data/tweets.js", "window.YTD.tweets.part0 = ["
                    + ExportFixtures.post("7", "Mon Jan 01 10:00:00 +0000 2024", "caf\u00e9") + "]"},
                    {"Donn\u00e9es/data/account.js", ExportFixtures.account("42", "vera")}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path file = dir.resolve("latin.jsonl.gz");
        ExportContents contents;
        try (ExtractedPosts posts = ExtractedPosts.create(file)) {
            new ExportReader(ExportFixtures.properties()).read("export.zip",
                    new ByteArrayInputStream(bytes.toByteArray()), posts);
            contents = posts.finish();
        }

        assertThat(contents.posts()).isEqualTo(1);
        assertThat(ExportFixtures.ids(file)).containsExactly("7");
    }

    @Test
    void readsEveryPostOnceFromPartsOutOfOrderWithTheBracketOnEitherLine() throws IOException {
        byte[] export = zip(
                "data/tweets-part1.js", "window.YTD.tweets.part1 = [ {\n  \"tweet\" : " + post("3", JAN, "third")
                        + "\n} ]",
                "data/manifest.js", manifest("42", "veteran_vera", 3),
                "data/tweets.js", "window.YTD.tweets.part0 =\n[ {\"tweet\" : " + post("1", JAN, "first") + "}, "
                        + "{\"tweet\" : " + post("2", "Tue Jan 02 10:00:00 +0000 2024", "second") + "} ]",
                "data/account.js", account("42", "veteran_vera"));

        ExportContents contents = read("twitter-2024-05-01.zip", export);

        assertThat(ids(file())).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(contents.posts()).isEqualTo(3);
        assertThat(contents.filesRead()).extracting(ExportContents.FileRead::name, ExportContents.FileRead::posts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("data/tweets-part1.js", 1L),
                        org.assertj.core.groups.Tuple.tuple("data/manifest.js", 0L),
                        org.assertj.core.groups.Tuple.tuple("data/tweets.js", 2L),
                        org.assertj.core.groups.Tuple.tuple("data/account.js", 0L));
        assertThat(contents.account()).isEqualTo(new ExportAccount("42", "veteran_vera", "Vera"));
        assertThat(contents.generatedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(contents.manifestPosts()).isEqualTo(3);
        assertThat(contents.newestPost()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
        assertThat(contents.filesNotRead()).isZero();
    }

    @Test
    void readsTheOlderTweetJsWithBareItems() throws IOException {
        byte[] export = zip("data/tweet.js", "window.YTD.tweet.part0 = [ " + post("7", JAN, "bare") + " ]",
                "data/account.js", account("42", "veteran_vera"));

        ExportContents contents = read("export.zip", export);

        assertThat(ids(file())).containsExactly("7");
        assertThat(contents.account().id()).isEqualTo("42");
    }

    @Test
    void takesTheAccountFromTheManifestWhenAccountJsIsMissing() throws IOException {
        byte[] export = zip("data/manifest.js", manifest("42", "veteran_vera", 1),
                "data/tweets.js", "window.YTD.tweets.part0 = [" + post("1", JAN, "x") + "]");

        ExportContents contents = read("export.zip", export);

        assertThat(contents.account()).isEqualTo(new ExportAccount("42", "veteran_vera", "Vera"));
        assertThat(contents.manifestPosts()).isEqualTo(1);
    }

    @Test
    void readsTheOldestMonthlyFilesWithTheirNumbersAndRetweetedOriginals() throws IOException {
        String month = """
                Grailbird.data.tweets_2009_02 =\s
                 [ {
                  "source" : "\\u003Ca href=\\"http:\\/\\/twitter.com\\" rel=\\"nofollow\\"\\u003EWeb\\u003C\\/a\\u003E",
                  "entities" : { "user_mentions" : [ { "indices" : [ 3, 8 ], "screen_name" : "zola", "id_str" : "5", "id" : 5 } ],
                    "media" : [ ], "hashtags" : [ ], "urls" : [ ] },
                  "id_str" : "1261429439", "text" : "RT @zola: fish &amp; chips", "id" : 1261429439,
                  "created_at" : "2009-02-28 13:14:15 +0000",
                  "retweeted_status" : { "id_str" : "1261000000", "id" : 1261000000, "text" : "fish &amp; chips",
                    "created_at" : "2009-02-27 10:00:00 +0000", "user" : { "id_str" : "5", "screen_name" : "zola" } },
                  "user" : { "name" : "Vera", "screen_name" : "veteran_vera", "id_str" : "42", "id" : 42 }
                } ]""";

        ExportContents contents = read("export.zip", zip("vera/data/js/tweets/2009_02.js", month));

        JsonNode tweet = lines(file()).get(0).path("tweet");
        assertThat(tweet.path("id").asText()).isEqualTo("1261429439");
        assertThat(tweet.path("text").asText()).isEqualTo("RT @zola: fish & chips");
        assertThat(tweet.path("created_at").asText()).isEqualTo("2009-02-28T13:14:15.000Z");
        assertThat(tweet.path("referenced_tweets").toString())
                .isEqualTo("[{\"type\":\"retweeted\",\"id\":\"1261000000\"}]");
        assertThat(tweet.path("entities").path("mentions").toString())
                .isEqualTo("[{\"start\":3,\"end\":8,\"username\":\"zola\",\"id\":\"5\"}]");
        assertThat(contents.account()).isEqualTo(new ExportAccount("42", "veteran_vera", "Vera"));
        assertThat(contents.filesRead()).extracting(ExportContents.FileRead::name)
                .containsExactly("data/js/tweets/2009_02.js");
    }

    @Test
    void acceptsOneFolderAroundTheExportAndPassesOverWhatMacOsAdds() throws IOException {
        byte[] export = zip("twitter-2024/data/tweets.js", "window.YTD.tweets.part0 = [" + post("1", JAN, "x") + "]",
                "__MACOSX/twitter-2024/data/._tweets.js", "\0\5\26\7 not a tweets file",
                "twitter-2024/data/._account.js", "\0\5\26\7",
                "twitter-2024/data/", "",
                "twitter-2024/data/account.js", account("42", "veteran_vera"));

        ExportContents contents = read("export.zip", export);

        assertThat(ids(file())).containsExactly("1");
        assertThat(contents.filesRead()).extracting(ExportContents.FileRead::name)
                .containsExactly("data/tweets.js", "data/account.js");
        assertThat(contents.filesNotRead()).isZero();
    }

    @Test
    void readsTheTweetsFilesUploadedAloneWithoutAnAccount() throws IOException {
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            reader.read("tweets-part1.js", bytes("window.YTD.tweets.part1 = [{\"tweet\":" + post("2", JAN, "b")
                    + "}]"), posts);
            reader.read("C:\\Users\\vera\\tweets.js", bytes("window.YTD.tweets.part0 = [{\"tweet\":"
                    + post("1", JAN, "a") + "}]"), posts);
            reader.read("tweets.js", bytes("window.YTD.tweets.part0 = [{\"tweet\":" + post("1", JAN, "a") + "}]"),
                    posts);

            ExportContents contents = posts.finish();

            assertThat(contents.account()).isNull();
            assertThat(contents.posts()).isEqualTo(2);
            assertThat(contents.filesNotRead()).as("the same part uploaded twice is read once").isEqualTo(1);
        }
        assertThat(ids(file())).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void readsNothingOfTheMessagesLikesMediaOrEmail() throws IOException {
        byte[] photo = "JFIF photo-marker-66c1 of a direct message".getBytes(StandardCharsets.UTF_8);
        byte[] export = zip("data/direct-messages.js", "window.YTD.direct_messages.part0 = [ {\"dmConversation\":"
                        + "{\"messages\":[{\"messageCreate\":{\"text\":\"dm-marker-9f3a\"}}]}} ]",
                "data/like.js", "window.YTD.like.part0 = [ {\"like\":{\"fullText\":\"like-marker-1b7e\"}} ]",
                "data/tweets_media/1-photo.jpg", photo,
                "data/tweets.js", "window.YTD.tweets.part0 = [" + post("1", JAN, "mine") + "]",
                "data/account.js", account("42", "veteran_vera"));

        ExportContents contents = read("export.zip", export);

        String extracted = text(file());
        assertThat(List.of(extracted, contents.toString())).allSatisfy(kept -> assertThat(kept)
                .doesNotContain("dm-marker-9f3a", "like-marker-1b7e", "photo-marker-66c1", "member@example.org"));
        assertThat(ids(file())).containsExactly("1");
        assertThat(contents.filesNotRead()).isEqualTo(3);
    }

    @Test
    void reportsProgressEveryThousandPosts() throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 2_500; i++) {
            items.append(i > 1 ? "," : "").append(post(String.valueOf(i), JAN, "post " + i));
        }
        List<Long> progress = new java.util.ArrayList<>();
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            posts.onProgress(progress::add);
            reader.read("tweets.js", bytes("window.YTD.tweets.part0 = [" + items + "]"), posts);
            posts.finish();
        }
        assertThat(progress).containsExactly(1_000L, 2_000L);
    }

    private ExportContents read(String name, byte[] upload) throws IOException {
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            reader.read(name, new ByteArrayInputStream(upload), posts);
            return posts.finish();
        }
    }

    private Path file() {
        return dir.resolve("posts.jsonl.gz");
    }
}
