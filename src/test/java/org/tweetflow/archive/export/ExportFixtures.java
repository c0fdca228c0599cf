package org.tweetflow.archive.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.tweetflow.config.TweetflowProperties;

/** Small exports in X's layouts, built in the test, and what the reader made of them. */
final class ExportFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private ExportFixtures() {
    }

    /** The settings with these {@code tweetflow.imports.*} keys changed. */
    static TweetflowProperties properties(String... importsKeysAndValues) {
        Map<String, Object> keys = new HashMap<>(Map.of("tweetflow.sandbox", "true",
                "tweetflow.token-key", "test-token-key-not-a-secret-0123456789"));
        for (int i = 0; i < importsKeysAndValues.length; i += 2) {
            keys.put("tweetflow.imports." + importsKeysAndValues[i], importsKeysAndValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(keys)).bind("tweetflow", TweetflowProperties.class).get();
    }

    /** A post as the 2019+ export writes it: v1.1, every number a string. */
    static String post(String id, String createdAt, String escapedText) {
        return """
                {"id_str":"%s","id":"%s","created_at":"%s","full_text":%s,"lang":"en","favorite_count":"1",
                 "retweet_count":"0","source":"<a href=\\"https://mobile.twitter.com\\" rel=\\"nofollow\\">Twitter Web App</a>",
                 "entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]}}"""
                .formatted(id, id, createdAt, quoted(escapedText));
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String account(String id, String username) {
        return "window.YTD.account.part0 = [ {\n  \"account\" : {\n    \"email\" : \"member@example.org\",\n"
                + "    \"username\" : \"" + username + "\",\n    \"accountId\" : \"" + id + "\",\n"
                + "    \"createdAt\" : \"2008-01-01T00:00:00.000Z\",\n    \"accountDisplayName\" : \"Vera\"\n  }\n} ]";
    }

    static String manifest(String id, String username, long posts) {
        return "window.__THAR_CONFIG = {\n  \"userInfo\" : {\"accountId\" : \"" + id + "\", \"userName\" : \""
                + username + "\", \"displayName\" : \"Vera\"},\n  \"archiveInfo\" : {\"generationDate\" : "
                + "\"2024-05-01T10:00:00.000Z\"},\n  \"dataTypes\" : {\"tweets\" : {\"files\" : [ {\"fileName\" : "
                + "\"data/tweets.js\", \"count\" : \"" + posts + "\"} ]}}\n}";
    }

    /** A zip of these entries, in this order (name, content, name, content …). */
    static byte[] zip(Object... namesAndContents) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put((String) namesAndContents[i], namesAndContents[i + 1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue() instanceof byte[] raw ? raw
                        : entry.getValue().toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The lines of an extracted posts file. */
    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text(file).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    static String text(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> ids(Path file) throws IOException {
        return lines(file).stream().map(line -> line.path("tweet").path("id").asText()).toList();
    }
}
