package org.tweetflow.collect.summary;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A seeded random collection in X v2's search shapes, written page by page as JSON Lines (never held whole): posts
 * newest first with hashtags, mentions, links, photos and videos, retweets, quotes, replies, places, several
 * languages, authors whose follower counts change from page to page and a few authors X did not include. Each
 * distinct post is also handed to a consumer as a plain {@link Post}, so a test can compute what the summaries
 * should say without reading the JSON. Used by the property test and by the summaries benchmark.
 */
public final class GeneratedCollection {

    /** A user as generated; {@code included} false: X left them out of the includes (suspended, withheld). */
    public record User(String id, String username, String name, long baseFollowers, long following,
            boolean included) {
    }

    /** A photo, video or GIF as generated. */
    public record Media(String key, String type, String url) {
    }

    /** A place as generated. */
    public record Place(String id, String fullName, String countryCode) {
    }

    /**
     * A post as written, with its author's figures as its page included them; {@code urls} are the links only
     * (the media link X adds for attached media is written too, but not listed here).
     */
    public record Post(long id, User author, long followers, Instant createdAt, String lang, String text,
            List<String> hashtags, List<String> mentions, List<String> urls, List<Media> media, Long retweetOf,
            Long quoteOf, Long replyTo, String replyToUser, Place place, String source, long[] metrics) {
    }

    private static final String[] LANGS = {"en", "en", "en", "en", "de", "fr", "es", "ja", "pt", "und", "ar"};
    private static final String[] SOURCES = {"Twitter for iPhone", "Twitter for Android", "Twitter Web App",
        "TweetDeck", "Buffer, Inc."};
    private static final String[] WORDS = {"the", "climate", "vote", "now", "é", "rain", "\"quoted\"", "data,",
        "🌍", "march", "Straße", "today", "why?", "new", "report", "&amp;", "people"};
    private static final Instant NEWEST = Instant.parse("2026-11-29T23:59:30Z");

    private final Random random;
    private final List<User> users = new ArrayList<>();
    private final List<String> hashtags = new ArrayList<>();
    private final List<Media> media = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private final int originals;
    private final JsonFactory json = new JsonFactory();

    /** Pools scale with the collection: {@code users} authors, a fifth as many hashtags, photos and links. */
    public GeneratedCollection(long seed, int userCount) {
        this.random = new Random(seed);
        for (int i = 0; i < userCount; i++) {
            String username = (i % 3 == 0 ? "Ana_" : "user") + i;
            users.add(new User(Long.toString(1_000_000L + i), username, i % 7 == 0 ? "Name, with comma " + i
                    : "User " + i, skewed(1_000_000), i % 11 == 0 ? 0 : 1 + random.nextInt(5000), i % 40 != 39));
        }
        int pool = Math.max(20, userCount / 5);
        for (int i = 0; i < pool; i++) {
            hashtags.add((i % 4 == 0 ? "Tag" : "tag") + i);
            links.add(switch (i % 4) {
                case 0 -> "https://www.site" + i % 97 + ".com/article/" + i;
                case 1 -> "http://News" + i % 31 + ".example.org:8080/story?id=" + i;
                case 2 -> "https://site" + i % 97 + ".com/Path/" + i + "#part";
                default -> "https://blog" + i % 13 + ".example.net/" + i;
            });
            media.add(i % 5 == 4 ? new Media("7_" + (9000 + i), "video", "https://pbs.twimg.com/ext_tw_video_thumb/"
                    + i + ".jpg") : new Media("3_" + (9000 + i), "photo", "https://pbs.twimg.com/media/P" + i + ".jpg"));
        }
        for (int i = 0; i < 50; i++) {
            places.add(new Place("pl" + Integer.toHexString(4096 + i), "City " + i + ", Country " + i % 9,
                    "C" + (char) ('A' + i % 26)));
        }
        this.originals = Math.max(50, userCount / 2);
    }

    /**
     * Writes {@code posts} distinct posts in pages of {@code perPage} to {@code file}; every
     * {@code duplicateEvery}-th page (0: none) is written twice, as a resumed collection might. Each distinct post
     * goes to {@code distinct} in file order. Returns the number of pages written.
     */
    public long write(Path file, int posts, int perPage, int duplicateEvery, Consumer<Post> distinct)
            throws IOException {
        long pages = 0;
        long gapMillis = Math.max(1, 7L * 24 * 3600 * 1000 / Math.max(1, posts));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            int written = 0;
            while (written < posts) {
                List<Post> page = new ArrayList<>();
                for (int i = 0; i < perPage && written < posts; i++, written++) {
                    page.add(post(written, pages, gapMillis));
                }
                page.forEach(distinct);
                byte[] line = page(page);
                out.write(line);
                pages++;
                if (duplicateEvery > 0 && pages % duplicateEvery == 0) {
                    out.write(line);
                    pages++;
                }
            }
        }
        return pages;
    }

    private Post post(int index, long page, long gapMillis) {
        long id = 1_860_000_000_000_000_000L - index * 4096L - random.nextInt(4096);
        User author = users.get(skewed(users.size()));
        Instant created = NEWEST.minusMillis(index * gapMillis + random.nextInt((int) Math.min(gapMillis, 1000)))
                .truncatedTo(ChronoUnit.SECONDS);
        int kind = random.nextInt(100);
        Long retweetOf = kind < 30 ? originalId(skewed(originals)) : null;
        Long quoteOf = kind >= 30 && kind < 35 ? originalId(random.nextInt(originals)) : null;
        Long replyTo = kind >= 35 && kind < 45 ? originalId(random.nextInt(originals)) : null;
        String replyToUser = replyTo == null ? null : users.get(random.nextInt(users.size())).id();
        List<String> tags = new ArrayList<>();
        for (int n = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; n > 0; n--) {
            String tag = hashtags.get(skewed(hashtags.size()));
            tags.add(random.nextBoolean() ? tag : tag.toUpperCase(Locale.ROOT));
        }
        List<String> mentions = new ArrayList<>();
        if (retweetOf != null) {
            mentions.add(users.get((int) (retweetOf % users.size())).username());
        }
        for (int n = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; n > 0; n--) {
            String username = users.get(skewed(users.size())).username();
            mentions.add(random.nextInt(4) == 0 ? username.toLowerCase(Locale.ROOT) : username);
        }
        List<String> urls = new ArrayList<>();
        for (int n = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0; n > 0; n--) {
            urls.add(links.get(skewed(links.size())));
        }
        List<Media> attached = new ArrayList<>();
        for (int n = random.nextInt(7) == 0 ? 1 + random.nextInt(4) : 0; n > 0; n--) {
            Media item = media.get(skewed(media.size()));
            if (!attached.contains(item)) {
                attached.add(item);
            }
        }
        Place place = random.nextInt(30) == 0 ? places.get(random.nextInt(places.size())) : null;
        String lang = random.nextInt(100) == 0 ? null : LANGS[random.nextInt(LANGS.length)];
        long[] metrics = {skewed(5000), random.nextInt(50), skewed(20000), random.nextInt(20)};
        return new Post(id, author, author.baseFollowers() + page / 3, created, lang,
                text(retweetOf, tags, mentions, urls), tags, mentions, urls, attached, retweetOf, quoteOf, replyTo,
                replyToUser, place, SOURCES[random.nextInt(SOURCES.length)], metrics);
    }

    private String text(Long retweetOf, List<String> tags, List<String> mentions, List<String> urls) {
        StringBuilder text = new StringBuilder(retweetOf == null ? "" : "RT @" + mentions.get(0) + ": ");
        for (int n = 8 + random.nextInt(20); n > 0; n--) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(25) == 0 ? "\n" : " ");
        }
        tags.forEach(tag -> text.append('#').append(tag).append(' '));
        mentions.stream().skip(retweetOf == null ? 0 : 1).forEach(user -> text.append('@').append(user).append(' '));
        urls.forEach(url -> text.append("https://t.co/").append(Integer.toHexString(url.hashCode())).append(' '));
        return text.toString().strip();
    }

    /** Mostly small numbers, a few large ones: hashtags, links and users are used with a long tail. */
    private int skewed(int bound) {
        return random.nextInt(random.nextInt(bound) + 1);
    }

    private static long originalId(int index) {
        return 1_700_000_000_000_000_000L + index * 7919L;
    }

    private byte[] page(List<Post> posts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(posts.size() * 3000);
        try (JsonGenerator gen = json.createGenerator(bytes, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("data");
            Map<String, Post> authors = new LinkedHashMap<>();
            Map<String, Media> pageMedia = new LinkedHashMap<>();
            Map<String, Place> pagePlaces = new LinkedHashMap<>();
            Map<Long, User> referenced = new LinkedHashMap<>();
            for (Post post : posts) {
                writePost(gen, post);
                if (post.author().included()) {
                    authors.put(post.author().id(), post);
                }
                post.media().forEach(item -> pageMedia.put(item.key(), item));
                if (post.place() != null) {
                    pagePlaces.put(post.place().id(), post.place());
                }
                for (Long original : new Long[] {post.retweetOf(), post.quoteOf(), post.replyTo()}) {
                    if (original != null) {
                        referenced.put(original, users.get((int) (original % users.size())));
                    }
                }
            }
            gen.writeEndArray();
            gen.writeObjectFieldStart("includes");
            gen.writeArrayFieldStart("users");
            for (Post post : authors.values()) {
                writeUser(gen, post.author(), post.followers());
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("tweets");
            for (Map.Entry<Long, User> original : referenced.entrySet()) {
                gen.writeStartObject();
                gen.writeStringField("id", Long.toString(original.getKey()));
                gen.writeStringField("author_id", original.getValue().id());
                gen.writeStringField("created_at", "2026-11-20T08:00:00.000Z");
                gen.writeStringField("text", "An original post with #" + hashtags.get(0) + " and words enough");
                gen.writeObjectFieldStart("entities");
                gen.writeArrayFieldStart("hashtags");
                gen.writeStartObject();
                gen.writeNumberField("start", 24);
                gen.writeNumberField("end", 30);
                gen.writeStringField("tag", hashtags.get(0));
                gen.writeEndObject();
                gen.writeEndArray();
                gen.writeEndObject();
                gen.writeObjectFieldStart("public_metrics");
                gen.writeNumberField("retweet_count", 1000);
                gen.writeNumberField("reply_count", 10);
                gen.writeNumberField("like_count", 5000);
                gen.writeNumberField("quote_count", 4);
                gen.writeEndObject();
                gen.writeArrayFieldStart("edit_history_tweet_ids");
                gen.writeString(Long.toString(original.getKey()));
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("media");
            for (Media item : pageMedia.values()) {
                gen.writeStartObject();
                gen.writeStringField("media_key", item.key());
                gen.writeStringField("type", item.type());
                gen.writeStringField("photo".equals(item.type()) ? "url" : "preview_image_url", item.url());
                gen.writeNumberField("width", 1200);
                gen.writeNumberField("height", 800);
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("places");
            for (Place place : pagePlaces.values()) {
                gen.writeStartObject();
                gen.writeStringField("id", place.id());
                gen.writeStringField("full_name", place.fullName());
                gen.writeStringField("country_code", place.countryCode());
                gen.writeStringField("place_type", "city");
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeObjectFieldStart("meta");
            gen.writeNumberField("result_count", posts.size());
            gen.writeStringField("newest_id", Long.toString(posts.get(0).id()));
            gen.writeStringField("oldest_id", Long.toString(posts.get(posts.size() - 1).id()));
            gen.writeStringField("next_token", "b26v89c19zqg8o3f" + Long.toHexString(posts.get(0).id()));
            gen.writeEndObject();
            gen.writeEndObject();
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writePost(JsonGenerator gen, Post post) throws IOException {
        String id = Long.toString(post.id());
        gen.writeStartObject();
        gen.writeStringField("id", id);
        gen.writeStringField("text", post.text());
        gen.writeStringField("author_id", post.author().id());
        gen.writeStringField("conversation_id", id);
        gen.writeStringField("created_at", post.createdAt().toString().replace("Z", ".000Z"));
        if (post.lang() != null) {
            gen.writeStringField("lang", post.lang());
        }
        gen.writeStringField("source", post.source());
        gen.writeBooleanField("possibly_sensitive", false);
        gen.writeStringField("reply_settings", "everyone");
        gen.writeArrayFieldStart("edit_history_tweet_ids");
        gen.writeString(id);
        gen.writeEndArray();
        if (post.replyToUser() != null) {
            gen.writeStringField("in_reply_to_user_id", post.replyToUser());
        }
        if (post.retweetOf() != null || post.quoteOf() != null || post.replyTo() != null) {
            gen.writeArrayFieldStart("referenced_tweets");
            reference(gen, "retweeted", post.retweetOf());
            reference(gen, "quoted", post.quoteOf());
            reference(gen, "replied_to", post.replyTo());
            gen.writeEndArray();
        }
        gen.writeObjectFieldStart("entities");
        int at = 0;
        gen.writeArrayFieldStart("hashtags");
        for (String tag : post.hashtags()) {
            entity(gen, at, at += tag.length() + 1, "tag", tag);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("mentions");
        for (String username : post.mentions()) {
            entity(gen, at, at += username.length() + 1, "username", username);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("urls");
        for (String url : post.urls()) {
            gen.writeStartObject();
            gen.writeNumberField("start", at);
            gen.writeNumberField("end", at += 23);
            gen.writeStringField("url", "https://t.co/" + Integer.toHexString(url.hashCode()));
            gen.writeStringField("expanded_url", url);
            gen.writeStringField("display_url", url.replaceFirst("^https?://", ""));
            gen.writeEndObject();
        }
        if (!post.media().isEmpty()) {
            // X lists the link to the attached media among the URLs, with its first media key
            gen.writeStartObject();
            gen.writeNumberField("start", at);
            gen.writeNumberField("end", at + 23);
            gen.writeStringField("url", "https://t.co/m" + id.substring(12));
            gen.writeStringField("expanded_url", "https://x.com/u/status/" + id + "/photo/1");
            gen.writeStringField("display_url", "pic.x.com/m" + id.substring(12));
            gen.writeStringField("media_key", post.media().get(0).key());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
        if (!post.media().isEmpty()) {
            gen.writeObjectFieldStart("attachments");
            gen.writeArrayFieldStart("media_keys");
            for (Media item : post.media()) {
                gen.writeString(item.key());
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        if (post.place() != null) {
            gen.writeObjectFieldStart("geo");
            gen.writeStringField("place_id", post.place().id());
            gen.writeEndObject();
        }
        gen.writeObjectFieldStart("public_metrics");
        gen.writeNumberField("retweet_count", post.metrics()[0]);
        gen.writeNumberField("reply_count", post.metrics()[1]);
        gen.writeNumberField("like_count", post.metrics()[2]);
        gen.writeNumberField("quote_count", post.metrics()[3]);
        gen.writeNumberField("bookmark_count", 0);
        gen.writeNumberField("impression_count", post.metrics()[2] * 40);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void writeUser(JsonGenerator gen, User user, long followers) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("id", user.id());
        gen.writeStringField("username", user.username());
        gen.writeStringField("name", user.name());
        gen.writeStringField("created_at", "2015-03-01T12:00:00.000Z");
        gen.writeStringField("description", "Researcher, runner, opinions my own. https://t.co/x");
        gen.writeStringField("profile_image_url", "https://pbs.twimg.com/profile_images/" + user.id() + "/a_normal.jpg");
        gen.writeBooleanField("protected", false);
        gen.writeBooleanField("verified", false);
        gen.writeObjectFieldStart("public_metrics");
        gen.writeNumberField("followers_count", followers);
        gen.writeNumberField("following_count", user.following());
        gen.writeNumberField("tweet_count", 4321);
        gen.writeNumberField("listed_count", 12);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    private static void reference(JsonGenerator gen, String type, Long id) throws IOException {
        if (id != null) {
            gen.writeStartObject();
            gen.writeStringField("type", type);
            gen.writeStringField("id", Long.toString(id));
            gen.writeEndObject();
        }
    }

    private static void entity(JsonGenerator gen, int start, int end, String field, String value)
            throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("start", start);
        gen.writeNumberField("end", end);
        gen.writeStringField(field, value);
        gen.writeEndObject();
    }
}
