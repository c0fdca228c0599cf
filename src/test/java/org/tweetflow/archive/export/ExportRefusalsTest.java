package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tweetflow.archive.export.ExportFixtures.account;
import static org.tweetflow.archive.export.ExportFixtures.manifest;
import static org.tweetflow.archive.export.ExportFixtures.post;
import static org.tweetflow.archive.export.ExportFixtures.properties;
import static org.tweetflow.archive.export.ExportFixtures.zip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile, damaged and foreign uploads: each refused with a reason the member understands. */
class ExportRefusalsTest {

    private static final String JAN = "Mon Jan 01 10:00:00 +0000 2024";
    private static final byte[] ZEROS = new byte[20 * 1024 * 1024];

    @TempDir
    Path dir;

    @Test
    void refusesAZipBombInAnEntryItNeverReads() {
        byte[] bomb = zip("data/tweets_media/1-bomb.jpg", ZEROS, "data/tweets.js", tweets(post("1", JAN, "x")),
                "data/account.js", account("42", "vera"));

        assertThat(refusal("export.zip", bomb)).contains("inflates to more than 100 times", "zip bomb");
    }

    @Test
    void refusesAZipBombInATweetsFile() {
        byte[] padded = new byte[ZEROS.length];
        Arrays.fill(padded, (byte) ' ');
        byte[] prefix = "window.YTD.tweets.part0 = [".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, padded, 0, prefix.length);

        assertThat(refusal("export.zip", zip("data/tweets.js", padded))).contains("zip bomb");
    }

    @Test
    void refusesManySmallBombsThoughEachStaysWithinAnEntrysGrace() {
        Object[] entries = new Object[2 * 200 + 4];
        for (int i = 0; i < 200; i++) {
            entries[2 * i] = "data/tweets_media/" + i + "-small.jpg";
            entries[2 * i + 1] = new byte[512 * 1024];
        }
        entries[400] = "data/tweets.js";
        entries[401] = tweets(post("1", JAN, "x"));
        entries[402] = "data/account.js";
        entries[403] = account("42", "vera");

        assertThat(refusal("export.zip", zip(entries))).contains("zip bomb");
    }

    @Test
    void refusesAWeekWithMorePostsThanXLetsAnyonePost() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= ExtractedPosts.MAX_POSTS_A_WEEK + 1; i++) {
            items.append(i > 1 ? "," : "").append(post(Integer.toString(i), JAN, "x"));
        }

        assertThat(refusal("tweets.js", tweets(items.toString()).getBytes(StandardCharsets.UTF_8)))
                .contains("more than 16800 posts in the week 2024-W01");
    }

    @Test
    void refusesMoreTweetsFilesThanXWouldEverWrite() {
        Object[] entries = new Object[2 * (ExtractedPosts.MAX_FILES_READ + 1) + 2];
        for (int i = 0; i <= ExtractedPosts.MAX_FILES_READ; i++) {
            entries[2 * i] = "data/tweets-part" + (i + 1) + ".js";
            entries[2 * i + 1] = "window.YTD.tweets.part" + (i + 1) + " = []";
        }
        entries[entries.length - 2] = "data/account.js";
        entries[entries.length - 1] = account("42", "vera");

        assertThat(refusal("export.zip", zip(entries))).contains("more than 1000 tweets files");
    }

    @Test
    void refusesPathsThatLeaveTheZipsFolder() {
        for (String path : new String[] {"../data/tweets.js", "data/../../etc/passwd", "/data/tweets.js",
                "C:\\data\\tweets.js", "data\\..\\..\\x.js"}) {
            assertThat(refusal("export.zip", zip(path, tweets(post("1", JAN, "x")))))
                    .as(path).contains("path leads out of its folder");
        }
    }

    @Test
    void refusesJsonNestedDeeperThanTheBound() {
        String deep = "{\"a\":".repeat(20) + "1" + "}".repeat(20);
        String post = post("1", JAN, "x").replace("\"lang\":\"en\"", "\"lang\":\"en\",\"deep\":" + deep);

        assertThat(refusal("tweets.js", tweets(post).getBytes(StandardCharsets.UTF_8), "max-nesting-depth", "8"))
                .isEqualTo("tweets.js nests its JSON deeper than 8 levels, which no export does, so the upload was "
                        + "refused.");
    }

    @Test
    void refusesATweetsFileLargerThanTheBound() {
        byte[] large = tweets(posts(40)).getBytes(StandardCharsets.UTF_8);

        assertThat(refusal("tweets.js", large, "max-posts-file-size", "4KB"))
                .startsWith("tweets.js is larger than 4 KB once unpacked");
        assertThat(refusal("export.zip", zip("data/tweets-part2.js", large, "data/account.js", account("42", "v")),
                "max-posts-file-size", "4KB")).startsWith("data/tweets-part2.js is larger than 4 KB once unpacked");
    }

    @Test
    void refusesAPostLargerThanTheBound() {
        String hashtags = "{\"text\":\"tag\",\"indices\":[\"0\",\"4\"]},".repeat(2_000);
        String post = post("1", JAN, "#tag").replace("\"hashtags\":[]", "\"hashtags\":[" + hashtags + "{}]");

        assertThat(refusal("tweets.js", tweets(post).getBytes(StandardCharsets.UTF_8), "max-post-size", "2KB"))
                .isEqualTo("tweets.js holds an item larger than 2 KB, larger than any post, so the upload was refused.");
    }

    @Test
    void refusesAnUploadLargerThanTheBoundOverAllItsFiles() throws IOException {
        byte[] part = tweets(posts(4)).getBytes(StandardCharsets.UTF_8);
        ExportReader reader = new ExportReader(properties("max-upload-size", (part.length * 3 / 2) + "B"));
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            reader.read("tweets.js", new ByteArrayInputStream(part), posts);

            assertThatThrownBy(() -> reader.read("tweets-part1.js", new ByteArrayInputStream(part), posts))
                    .isInstanceOf(RefusedExportException.class).hasMessageStartingWith("This upload is larger than");
        }
    }

    @Test
    void refusesAZipCutInTheMiddleOfAnEntry() {
        byte[] whole = zip("data/account.js", account("42", "vera"), "data/tweets.js", tweets(posts(30)));

        assertThat(refusal("export.zip", Arrays.copyOf(whole, whole.length * 2 / 3))).contains("cut short");
    }

    @Test
    void refusesAZipCutExactlyWhereItsTableOfContentsBegins() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes);
        for (String[] entry : new String[][] {{"data/account.js", account("42", "vera")},
                {"data/tweets.js", tweets(post("1", JAN, "x"))}}) {
            zip.putNextEntry(new ZipEntry(entry[0]));
            zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        int entriesEnd = bytes.size();
        zip.close();

        assertThat(refusal("export.zip", Arrays.copyOf(bytes.toByteArray(), entriesEnd)))
                .contains("ends before its table of contents", "cut short");
    }

    @Test
    void refusesATweetsFileCutInTheMiddleOfAPost() {
        byte[] whole = tweets(posts(3)).getBytes(StandardCharsets.UTF_8);

        assertThat(refusal("tweets.js", Arrays.copyOf(whole, whole.length - 40)))
                .isEqualTo("tweets.js ends in the middle of its data: it was cut short, so the upload was refused.");
    }

    @Test
    void refusesATweetsFileWithABrokenPrefix() {
        for (String broken : new String[] {"window.YTD.tweets.part0 [ ]", "windw.YTD.tweets.part0 = [ ]",
                "window.YTD.like.part0 = [ ]", "[ ]", " ".repeat(300) + "= [ ]"}) {
            assertThat(refusal("tweets.js", broken.getBytes(StandardCharsets.UTF_8))).as(broken)
                    .startsWith("tweets.js does not begin the way X writes it");
        }
    }

    @Test
    void refusesATweetsFileThatHoldsNoListOfPosts() {
        assertThat(refusal("tweets.js", "window.YTD.tweets.part0 = {\"tweet\":{}}".getBytes(StandardCharsets.UTF_8)))
                .contains("does not hold a list of posts");
        assertThat(refusal("tweets.js", "window.YTD.tweets.part0 = [ \"x\" ]".getBytes(StandardCharsets.UTF_8)))
                .contains("holds an item that is not a post");
        assertThat(refusal("tweets.js", "window.YTD.tweets.part0 = [ {\"tweet\":{\"full_text\":\"x\"}} ]"
                .getBytes(StandardCharsets.UTF_8))).contains("not a post as X writes them");
    }

    @Test
    void refusesAZipThatIsNoXExport() {
        assertThat(refusal("export.zip", zip("data/manifest.js", manifest("42", "vera", 0), "data/like.js", "[]")))
                .startsWith("This zip is not an X data export: it holds no data/tweets.js");
        assertThat(refusal("export.zip", zip("data/tweets.js", tweets(post("1", JAN, "x")))))
                .startsWith("This zip is not an X data export: it holds neither data/account.js nor data/manifest.js");
        assertThat(refusal("holiday.zip", zip("photos/beach.jpg", "JFIF")))
                .startsWith("This zip is not an X data export");
    }

    @Test
    void refusesAnUploadWithoutAnyTweetsFile() throws IOException {
        ExportReader reader = new ExportReader(properties());
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            reader.read("account.js", ExportFixtures.bytes(account("42", "vera")), posts);

            assertThatThrownBy(posts::finish).isInstanceOf(RefusedExportException.class)
                    .hasMessageStartingWith("This upload holds no posts of an X data export");
        }
    }

    @Test
    void refusesAFileThatIsNeitherAZipNorAJsFile() {
        assertThat(refusal("photo.png", "\u0089PNG".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("photo.png is neither the zip of an X data export nor one of its .js files, so it was "
                        + "refused.");
        assertThat(refusal("export.zip", "not a zip".getBytes(StandardCharsets.UTF_8)))
                .startsWith("export.zip is not a zip as X writes it");
    }

    @Test
    void leavesTheExtractedFileForTheCallerToDelete() throws IOException {
        String first = tweets(post("1", JAN, "kept so far"));
        ExportReader reader = new ExportReader(properties());
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            reader.read("tweets.js", ExportFixtures.bytes(first), posts);
            assertThatThrownBy(() -> reader.read("tweets-part1.js", ExportFixtures.bytes("garbage"), posts))
                    .isInstanceOf(RefusedExportException.class);
        }
        assertThat(Files.exists(file())).isTrue();
        assertThat(ExportFixtures.ids(file())).containsExactly("1");
    }

    private String refusal(String name, byte[] upload, String... settings) {
        ExportReader reader = new ExportReader(properties(settings));
        try (ExtractedPosts posts = ExtractedPosts.create(file())) {
            reader.read(name, new ByteArrayInputStream(upload), posts);
            posts.finish();
        } catch (RefusedExportException refused) {
            return refused.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(name + " was not refused");
    }

    private static String tweets(String items) {
        return "window.YTD.tweets.part0 = [ " + items + " ]";
    }

    private static String posts(int count) {
        StringBuilder posts = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            posts.append(i > 1 ? ", " : "").append("{\"tweet\" : ").append(post(String.valueOf(i), JAN, "post " + i))
                    .append('}');
        }
        return posts.toString();
    }

    private Path file() {
        return dir.resolve("posts.jsonl.gz");
    }
}
