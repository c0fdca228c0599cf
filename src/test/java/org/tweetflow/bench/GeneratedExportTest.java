package org.tweetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tweetflow.sandbox.x.ExportZip;
import org.tweetflow.sandbox.x.ExportZipWriter;

/** The import benchmark's generated export, small: X's layout, its size, parts out of date order. */
class GeneratedExportTest {

    static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Test
    void writesTheAskedPostsInPartsOutOfDateOrderAndPicturesUpToTheAskedSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.zip");
        GeneratedExport.Summary summary = GeneratedExport.write(file, 3000, 3_000_000, 256 << 10);
        ExportZip zip;
        try (InputStream in = Files.newInputStream(file)) {
            zip = ExportZip.read(in);
        }

        assertThat(summary.zipBytes()).isEqualTo(Files.size(file)).isBetween(2_850_000L, 3_150_000L);
        List<String> ids = zip.posts().stream().map(p -> p.path("id_str").asText()).toList();
        assertThat(ids).hasSize(3000).doesNotHaveDuplicates();
        assertThat(summary.postsFiles()).hasSizeGreaterThanOrEqualTo(3)
                .extracting(ExportZipWriter.PostsFile::fileName).containsExactlyElementsOf(zip.postsFiles().keySet());
        assertThat(summary.postsFiles().subList(0, summary.postsFiles().size() - 1))
                .allMatch(f -> f.bytes() >= 256 << 10 && f.bytes() < (256 << 10) + 4096);
        List<String> manifestCounts = new ArrayList<>();
        zip.json("data/manifest.js").at("/dataTypes/tweets/files").forEach(f -> manifestCounts.add(
                f.path("fileName").asText() + "=" + f.path("count").asText()));
        assertThat(manifestCounts).isEqualTo(zip.postsFiles().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size()).toList());

        List<Instant> newestOfEachPart = zip.postsFiles().values().stream().map(posts -> posts.stream()
                .map(p -> Instant.from(CREATED_AT.parse(p.path("created_at").asText()))).max(Comparator.naturalOrder())
                .orElseThrow()).toList();
        assertThat(newestOfEachPart).isNotEqualTo(newestOfEachPart.stream().sorted().toList())
                .isNotEqualTo(newestOfEachPart.stream().sorted(Comparator.reverseOrder()).toList());
        assertThat(zip.posts()).anyMatch(p -> p.path("created_at").asText().endsWith("2007")
                && Long.parseLong(p.path("id_str").asText()) < 100_000_000L);

        List<String> texts = zip.posts().stream().map(p -> p.path("full_text").asText()).toList();
        assertThat(texts).anyMatch(t -> t.contains("&amp;")).anyMatch(t -> t.contains("&lt;"))
                .noneMatch(t -> t.matches("(?s).*(&(?!amp;|lt;|gt;)|<|>).*"));

        List<String> pictures = new ArrayList<>();
        for (JsonNode p : zip.posts()) {
            for (JsonNode photo : p.at("/extended_entities/media")) {
                String url = photo.path("media_url_https").asText();
                pictures.add("data/tweets_media/" + p.path("id_str").asText() + "-" + url.substring(url.lastIndexOf('/') + 1));
            }
        }
        assertThat(pictures).hasSize(summary.mediaFiles()).isNotEmpty();
        assertThat(zip.sizes().keySet().stream().filter(n -> n.startsWith("data/tweets_media/")).toList())
                .containsExactlyInAnyOrderElementsOf(pictures);
    }
}
