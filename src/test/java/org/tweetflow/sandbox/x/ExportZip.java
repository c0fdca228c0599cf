package org.tweetflow.sandbox.x;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an X data export zip holds, read back for a test: the text of each {@code .js} file, its JSON (after the
 * {@code window.… = } prefix), the posts of each tweets file in zip order, and the size and first bytes of every
 * other file.
 */
public record ExportZip(Map<String, String> scripts, Map<String, List<JsonNode>> postsFiles,
        Map<String, byte[]> heads, Map<String, Long> sizes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ExportZip read(InputStream in) throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        Map<String, List<JsonNode>> postsFiles = new LinkedHashMap<>();
        Map<String, byte[]> heads = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".js")) {
                    String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    scripts.put(e.getName(), text);
                    if (e.getName().matches("data/tweets(-part\\d+)?\\.js")) {
                        List<JsonNode> posts = new ArrayList<>();
                        parse(text).forEach(item -> posts.add(item.path("tweet")));
                        postsFiles.put(e.getName(), posts);
                    }
                } else {
                    byte[] head = zip.readNBytes(4);
                    heads.put(e.getName(), head);
                    sizes.put(e.getName(), head.length + zip.transferTo(OutputStream.nullOutputStream()));
                }
            }
        }
        return new ExportZip(scripts, postsFiles, heads, sizes);
    }

    /** The JSON of a {@code .js} file: what follows its {@code window.… = } prefix. */
    public JsonNode json(String name) throws IOException {
        return parse(scripts.get(name));
    }

    public List<JsonNode> posts() {
        return postsFiles.values().stream().flatMap(List::stream).toList();
    }

    private static JsonNode parse(String script) throws IOException {
        return JSON.readTree(script.substring(script.indexOf('=') + 1));
    }
}
