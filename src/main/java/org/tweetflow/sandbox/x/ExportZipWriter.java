package org.tweetflow.sandbox.x;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Writes an account's "Your X data" zip in X's layout, as a stream (one post at a time, nothing of the zip kept):
 * {@code data/account.js}, the posts in {@code data/tweets.js}, {@code data/tweets-part1.js} … (a new part after
 * {@code partBytes}, in the order the posts come), {@code data/direct-messages.js}, {@code data/like.js},
 * {@code data/tweets_media/<post id>-<name>}, and last {@code data/manifest.js} with each file's count. Each post in
 * the export's v1.1 shape: every number a string, {@code full_text} HTML-escaped, entity {@code indices} in code
 * points of the escaped text, {@code created_at} as {@code Fri Aug 09 23:11:41 +0000 2019}, no author object. The
 * simulated X's export and the import benchmark's generated one both write through it.
 */
public final class ExportZipWriter implements Closeable {

    /** The account the export is of; the email is the member's private data, as in X's export. */
    public record Owner(String accountId, String username, String displayName, Instant createdAt, String email) {
    }

    public record DirectMessage(long id, String senderId, String recipientId, String text, Instant createdAt) {
    }

    public record Like(String tweetId, String fullText, String expandedUrl) {
    }

    /** A file of posts written: its name in the zip, its posts and its (uncompressed) size. */
    public record PostsFile(String fileName, int count, long bytes) {
    }

    static final String MEDIA_DIRECTORY = "data/tweets_media";
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final ZipOutputStream zip;
    private final Counting counted;
    private final Owner owner;
    private final Instant generatedAt;
    private final List<PostsFile> postsFiles = new ArrayList<>();
    private int directMessages = -1;
    private int likes = -1;

    /** Starts the zip with {@code Your archive.html} and {@code data/account.js}. */
    public ExportZipWriter(OutputStream out, Owner owner, Instant generatedAt) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.counted = new Counting(zip);
        this.owner = owner;
        this.generatedAt = generatedAt;
        zip.putNextEntry(new ZipEntry("Your archive.html"));
        zip.write(("<!DOCTYPE html><html><head><title>Your archive</title></head><body>Your X data: @"
                + owner.username() + "</body></html>\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        try (JsonGenerator g = entry("data/account.js", "window.YTD.account.part0 = ")) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeObjectFieldStart("account");
            g.writeStringField("email", owner.email());
            g.writeStringField("createdVia", "web");
            g.writeStringField("username", owner.username());
            g.writeStringField("accountId", owner.accountId());
            g.writeStringField("createdAt", XRenderer.time(owner.createdAt()));
            g.writeStringField("accountDisplayName", owner.displayName());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        zip.closeEntry();
    }

    /**
     * Where X's parts put the posts: not in date order. The {@code i}-th of {@code n} posts written is, counted oldest
     * first, one of the newest third, then of the oldest third, then of the third between them (each newest first).
     */
    public static int exportOrder(int i, int n) {
        int newest = n / 3;
        int oldest = n - 2 * n / 3;
        int newestFirst = i < newest ? i : i < newest + oldest ? 2 * n / 3 + (i - newest) : newest + (i - newest - oldest);
        return n - 1 - newestFirst;
    }

    /**
     * Writes the posts in the order they come, in {@code data/tweets.js} and as many {@code tweets-partN.js} as it
     * takes to keep each part near {@code partBytes} (X: about 100 MB).
     */
    public List<PostsFile> posts(Iterator<ExportPost> posts, long partBytes) throws IOException {
        do {
            int part = postsFiles.size();
            String name = part == 0 ? "data/tweets.js" : "data/tweets-part" + part + ".js";
            long start = counted.count;
            int count = 0;
            try (JsonGenerator g = entry(name, "window.YTD.tweets.part" + part + " = ")) {
                g.writeStartArray();
                while (posts.hasNext() && (count == 0 || counted.count - start + g.getOutputBuffered() < partBytes)) {
                    post(g, posts.next());
                    count++;
                }
                g.writeEndArray();
            }
            zip.closeEntry();
            postsFiles.add(new PostsFile(name, count, counted.count - start));
        } while (posts.hasNext());
        return List.copyOf(postsFiles);
    }

    public void directMessages(List<DirectMessage> messages) throws IOException {
        try (JsonGenerator g = entry("data/direct-messages.js", "window.YTD.direct_messages.part0 = ")) {
            g.writeStartArray();
            for (DirectMessage m : messages) {
                g.writeStartObject();
                g.writeObjectFieldStart("dmConversation");
                g.writeStringField("conversationId", conversationId(m.senderId(), m.recipientId()));
                g.writeArrayFieldStart("messages");
                g.writeStartObject();
                g.writeObjectFieldStart("messageCreate");
                g.writeStringField("recipientId", m.recipientId());
                g.writeArrayFieldStart("reactions");
                g.writeEndArray();
                g.writeArrayFieldStart("urls");
                g.writeEndArray();
                g.writeStringField("text", XText.escaped(m.text()));
                g.writeArrayFieldStart("mediaUrls");
                g.writeEndArray();
                g.writeStringField("senderId", m.senderId());
                g.writeStringField("id", Long.toString(m.id()));
                g.writeStringField("createdAt", XRenderer.time(m.createdAt()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        zip.closeEntry();
        directMessages = messages.size();
    }

    public void likes(List<Like> liked) throws IOException {
        try (JsonGenerator g = entry("data/like.js", "window.YTD.like.part0 = ")) {
            g.writeStartArray();
            for (Like l : liked) {
                g.writeStartObject();
                g.writeObjectFieldStart("like");
                g.writeStringField("tweetId", l.tweetId());
                g.writeStringField("fullText", XText.escaped(l.fullText()));
                g.writeStringField("expandedUrl", l.expandedUrl());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        zip.closeEntry();
        likes = liked.size();
    }

    /** The picture of one of a post's photos, as {@code data/tweets_media/<post id>-<name>}; stored, not deflated. */
    public void media(long postId, ExportPost.Photo photo, InputStream bytes) throws IOException {
        zip.setLevel(Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(MEDIA_DIRECTORY + "/" + postId + "-" + photo.fileName()));
        bytes.transferTo(zip);
        zip.closeEntry();
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    /** Writes {@code data/manifest.js}, with the counts of what was written, and ends the zip. */
    @Override
    public void close() throws IOException {
        try (JsonGenerator g = entry("data/manifest.js", "window.__THAR_CONFIG = ")) {
            g.writeStartObject();
            g.writeObjectFieldStart("userInfo");
            g.writeStringField("accountId", owner.accountId());
            g.writeStringField("userName", owner.username());
            g.writeStringField("displayName", owner.displayName());
            g.writeEndObject();
            g.writeObjectFieldStart("archiveInfo");
            g.writeStringField("generationDate", XRenderer.time(generatedAt));
            g.writeBooleanField("isPartialArchive", false);
            g.writeStringField("maxPartSizeBytes", "53687091200");
            g.writeEndObject();
            g.writeObjectFieldStart("dataTypes");
            g.writeObjectFieldStart("account");
            files(g, List.of(new PostsFile("data/account.js", 1, 0)), "account");
            g.writeEndObject();
            if (directMessages >= 0) {
                g.writeObjectFieldStart("directMessages");
                g.writeStringField("mediaDirectory", "data/direct_messages_media");
                files(g, List.of(new PostsFile("data/direct-messages.js", directMessages, 0)), "direct_messages");
                g.writeEndObject();
            }
            if (likes >= 0) {
                g.writeObjectFieldStart("like");
                files(g, List.of(new PostsFile("data/like.js", likes, 0)), "like");
                g.writeEndObject();
            }
            g.writeObjectFieldStart("tweets");
            g.writeStringField("mediaDirectory", MEDIA_DIRECTORY);
            files(g, postsFiles, "tweets");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        zip.closeEntry();
        zip.close();
    }

    private static void files(JsonGenerator g, List<PostsFile> files, String type) throws IOException {
        g.writeArrayFieldStart("files");
        for (int part = 0; part < files.size(); part++) {
            g.writeStartObject();
            g.writeStringField("fileName", files.get(part).fileName());
            g.writeStringField("globalName", "YTD." + type + ".part" + part);
            g.writeStringField("count", Integer.toString(files.get(part).count()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A new entry holding {@code prefix} and then the JSON the generator writes, pretty-printed as X does. */
    private JsonGenerator entry(String name, String prefix) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        JsonGenerator g = JSON.createGenerator(counted);
        DefaultIndenter lines = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter();
        pretty.indentObjectsWith(lines);
        pretty.indentArraysWith(lines);
        g.setPrettyPrinter(pretty);
        g.writeRaw(prefix);
        return g;
    }

    private static void post(JsonGenerator g, ExportPost p) throws IOException {
        String text = p.text();
        String id = Long.toString(p.id());
        g.writeStartObject();
        g.writeObjectFieldStart("tweet");
        editInfo(g, p);
        g.writeBooleanField("retweeted", false);
        g.writeStringField("source", "<a href=\"" + p.sourceUrl() + "\" rel=\"nofollow\">" + p.source() + "</a>");
        g.writeObjectFieldStart("entities");
        g.writeArrayFieldStart("hashtags");
        for (ExportPost.Hashtag h : p.hashtags()) {
            g.writeStartObject();
            g.writeStringField("text", h.text());
            indices(g, text, h.start(), h.end());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("symbols");
        g.writeEndArray();
        g.writeArrayFieldStart("user_mentions");
        for (ExportPost.Mention m : p.mentions()) {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeStringField("screen_name", m.screenName());
            indices(g, text, m.start(), m.end());
            g.writeStringField("id_str", m.id());
            g.writeStringField("id", m.id());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("urls");
        for (ExportPost.Link u : p.urls()) {
            g.writeStartObject();
            g.writeStringField("url", u.url());
            g.writeStringField("expanded_url", u.expandedUrl());
            g.writeStringField("display_url", u.displayUrl());
            indices(g, text, u.start(), u.end());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!p.photos().isEmpty()) {
            // entities.media holds the first photo only; extended_entities.media every one
            media(g, text, p.photos().subList(0, 1));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("display_text_range");
        g.writeString("0");
        g.writeString(Integer.toString(XText.escapedLength(text)));
        g.writeEndArray();
        g.writeStringField("favorite_count", Integer.toString(p.favoriteCount()));
        if (p.reply() != null) {
            g.writeStringField("in_reply_to_status_id_str", Long.toString(p.reply().statusId()));
        }
        g.writeStringField("id_str", id);
        if (p.reply() != null) {
            g.writeStringField("in_reply_to_user_id", p.reply().userId());
        }
        g.writeBooleanField("truncated", false);
        g.writeStringField("retweet_count", Integer.toString(p.retweetCount()));
        g.writeStringField("id", id);
        if (p.reply() != null) {
            g.writeStringField("in_reply_to_status_id", Long.toString(p.reply().statusId()));
        }
        if (!p.photos().isEmpty()) {
            g.writeBooleanField("possibly_sensitive", false);
        }
        g.writeStringField("created_at", CREATED_AT.format(p.createdAt()));
        g.writeBooleanField("favorited", false);
        g.writeStringField("full_text", XText.escaped(text));
        g.writeStringField("lang", p.lang());
        if (p.reply() != null) {
            g.writeStringField("in_reply_to_screen_name", p.reply().screenName());
            g.writeStringField("in_reply_to_user_id_str", p.reply().userId());
        }
        if (!p.photos().isEmpty()) {
            g.writeObjectFieldStart("extended_entities");
            media(g, text, p.photos());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** X's edit_info: "initial" for a post never edited, "edit" (with the first version's id) for an edit. */
    private static void editInfo(JsonGenerator g, ExportPost p) throws IOException {
        boolean edited = p.editIds().size() > 1;
        g.writeObjectFieldStart("edit_info");
        if (edited) {
            g.writeObjectFieldStart("edit");
            g.writeStringField("initialTweetId", Long.toString(p.editIds().get(0)));
            g.writeObjectFieldStart("editControlInitial");
        } else {
            g.writeObjectFieldStart("initial");
        }
        g.writeArrayFieldStart("editTweetIds");
        for (long version : p.editIds()) {
            g.writeString(Long.toString(version));
        }
        g.writeEndArray();
        g.writeStringField("editableUntil", XRenderer.time(p.createdAt().plusSeconds(3600)));
        g.writeStringField("editsRemaining", "5");
        g.writeBooleanField("isEditEligible", false);
        g.writeEndObject();
        if (edited) {
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void media(JsonGenerator g, String text, List<ExportPost.Photo> photos) throws IOException {
        g.writeArrayFieldStart("media");
        for (ExportPost.Photo m : photos) {
            g.writeStartObject();
            g.writeStringField("expanded_url", m.expandedUrl());
            indices(g, text, m.start(), m.end());
            g.writeStringField("url", m.url());
            g.writeStringField("media_url", m.mediaUrlHttps().replaceFirst("^https:", "http:"));
            g.writeStringField("id_str", Long.toString(m.id()));
            g.writeStringField("id", Long.toString(m.id()));
            g.writeStringField("media_url_https", m.mediaUrlHttps());
            g.writeObjectFieldStart("sizes");
            size(g, "thumb", 150, 150, "crop");
            size(g, "small", Math.min(m.width(), 680), m.height() * Math.min(m.width(), 680) / m.width(), "fit");
            size(g, "medium", Math.min(m.width(), 1200), m.height() * Math.min(m.width(), 1200) / m.width(), "fit");
            size(g, "large", m.width(), m.height(), "fit");
            g.writeEndObject();
            g.writeStringField("type", "photo");
            g.writeStringField("display_url", m.displayUrl());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void size(JsonGenerator g, String name, int w, int h, String resize) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("w", Integer.toString(w));
        g.writeStringField("h", Integer.toString(h));
        g.writeStringField("resize", resize);
        g.writeEndObject();
    }

    /** An entity's place, in code points of the escaped text, as strings. */
    private static void indices(JsonGenerator g, String text, int start, int end) throws IOException {
        g.writeArrayFieldStart("indices");
        g.writeString(Integer.toString(XText.escapedIndex(text, start)));
        g.writeString(Integer.toString(XText.escapedIndex(text, end)));
        g.writeEndArray();
    }

    private static String conversationId(String a, String b) {
        return Long.parseLong(a) < Long.parseLong(b) ? a + "-" + b : b + "-" + a;
    }

    /** Counts what goes into the current entry (uncompressed), to cut the posts into parts; never closes the zip. */
    private static final class Counting extends FilterOutputStream {

        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            // the zip outlives each entry's generator
        }
    }
}
