package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.archive.export.ExportFixtures.JSON;
import static org.tweetflow.archive.export.ExportFixtures.account;
import static org.tweetflow.archive.export.ExportFixtures.manifest;
import static org.tweetflow.archive.export.ExportFixtures.post;
import static org.tweetflow.archive.export.ExportFixtures.properties;
import static org.tweetflow.archive.export.ExportFixtures.zip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tweetflow.archive.ArchiveStreams;

/** The reader's lines are what the import's sort reads: an export becomes the archive's weeks. */
class ExportReaderToArchiveTest {

    @TempDir
    Path dir;

    @Test
    void anExportsPostsLandInTheirWeeksOnceWithTheirTextAsPosted() throws IOException {
        byte[] export = zip(
                "data/tweets-part1.js", "window.YTD.tweets.part1 = [ {\"tweet\":"
                        + post("1800000000000000000", "Mon Jan 01 10:00:00 +0000 2024", "fish &amp; chips") + "} ]",
                "data/tweets.js", "window.YTD.tweets.part0 = [ {\"tweet\":"
                        + post("20", "Tue Mar 21 20:50:14 +0000 2006", "just setting up") + "}, {\"tweet\":"
                        + post("1800000000000000000", "Mon Jan 01 10:00:00 +0000 2024", "fish &amp; chips") + "} ]",
                "data/manifest.js", manifest("42", "veteran_vera", 2),
                "data/account.js", account("42", "veteran_vera"));
        Path extracted = dir.resolve("posts.jsonl.gz");
        ExportContents contents;
        try (ExtractedPosts posts = ExtractedPosts.create(extracted)) {
            new ExportReader(properties()).read("export.zip", new ByteArrayInputStream(export), posts);
            contents = posts.finish();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExportArchive(new ArchiveStreams(JSON), JSON, properties()).write(extracted, contents.account(),
                contents.generatedAt(), out);

        JsonNode weeks = JSON.readTree(out.toByteArray()).path("weeks");
        assertThat(weeks.findValuesAsText("week")).containsExactly("2006-W12", "2024-W01");
        assertThat(weeks.get(1).path("tweets")).hasSize(1);
        assertThat(weeks.get(1).path("tweets").get(0).path("text").asText()).isEqualTo("fish & chips");
        assertThat(weeks.findValuesAsText("author_id")).containsOnly("42");
    }
}
