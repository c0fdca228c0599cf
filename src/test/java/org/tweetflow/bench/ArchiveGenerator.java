package org.tweetflow.bench;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.archive.IsoWeek;

/**
 * A heavy poster's archive in the contract format, written as a stream one week at a time (the file is never in
 * memory): every ISO week from X's timeline floor (2010-11) up to the current one, v2 tweet objects with the fields
 * and expansions tweetflow asks for (replies, retweets, quotes, photos, polls, places) and each week's includes.
 * A week is generated from its own seed and post by post, so the same week with more posts starts with the same
 * posts: a re-fetched week for the merge.
 */
final class ArchiveGenerator {

    static final long TWITTER_EPOCH = 1288834974657L;
    /** The first whole week after X's timeline floor (2010-11-06). */
    static final IsoWeek FIRST_WEEK = IsoWeek.parse("2010-W45");
    static final String AUTHOR_ID = "1500000000000000007";
    static final Map<String, Object> ACCOUNT = account();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String[] SENTENCES = {
        "Spent the afternoon cleaning up old field notes and found a map from 1923.",
        "New blog post about keeping a personal archive of what you write, and why it matters.",
        "Reading about climate records kept by volunteers for more than a century. Remarkable people.",
        "Small python script to tidy up my bookmarks, works nicely and took ten minutes.",
        "Libraries are the best public infrastructure we have. Change my mind.",
        "Heute im Stadtarchiv gewesen, spannende alte Karten gefunden und viel gelernt.",
        "Offene Daten machen die Stadt besser, finde ich, und die Verwaltung auch.",
        "Une belle journée pour trier les archives de la famille avec un bon café.",
        "Les données ouvertes changent la recherche citoyenne, lentement mais sûrement.",
        "Hoy aprendí mucho sobre la conservación de documentos en papel ácido.",
        "今日は古い写真を整理しました。懐かしい写真がたくさん出てきました。",
        "Thread: what I learned from ten years of taking notes every single day (1/7)",
        "The conference talk recordings are up now, slides in the repository as well.",
        "Anyone know a good tool to export a whole mailing list archive to plain text?",
    };
    private static final String[] TAGS = {"opendata", "climate", "python", "archives", "citizenscience",
        "openscience", "datascience", "privacy", "digitalpreservation", "OpenAccess"};
    private static final String[] SOURCES = {"Twitter Web App", "Twitter for Android", "Twitter for iPhone",
        "TweetDeck"};
    private static final String[] LANGS = {"en", "en", "en", "de", "fr", "es", "ja"};
    private static final int OTHER_USERS = 80;
    private static final String SLUG_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final ObjectMapper mapper = new ObjectMapper();

    /** What was written: enough to find the archive's last week again and to check a merge's counts. */
    record Manifest(long bytes, long tweets, int weeks, IsoWeek lastWeek, int lastWeekTweets, long lastWeekGapMillis,
            Instant lastWeekEnd, int largestWeekTweets, long largestWeekBytes) {

        void store(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("bytes", Long.toString(bytes));
            p.setProperty("tweets", Long.toString(tweets));
            p.setProperty("weeks", Integer.toString(weeks));
            p.setProperty("lastWeek", lastWeek.toString());
            p.setProperty("lastWeekTweets", Integer.toString(lastWeekTweets));
            p.setProperty("lastWeekGapMillis", Long.toString(lastWeekGapMillis));
            p.setProperty("lastWeekEnd", lastWeekEnd.toString());
            p.setProperty("largestWeekTweets", Integer.toString(largestWeekTweets));
            p.setProperty("largestWeekBytes", Long.toString(largestWeekBytes));
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "generated archive");
            }
        }

        static Manifest load(Path file) throws IOException {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new Manifest(Long.parseLong(p.getProperty("bytes")), Long.parseLong(p.getProperty("tweets")),
                    Integer.parseInt(p.getProperty("weeks")), IsoWeek.parse(p.getProperty("lastWeek")),
                    Integer.parseInt(p.getProperty("lastWeekTweets")),
                    Long.parseLong(p.getProperty("lastWeekGapMillis")), Instant.parse(p.getProperty("lastWeekEnd")),
                    Integer.parseInt(p.getProperty("largestWeekTweets")),
                    Long.parseLong(p.getProperty("largestWeekBytes")));
        }
    }

    /** One week's posts (newest first) and exactly the objects they reference. */
    record Week(List<JsonNode> tweets, ObjectNode includes) {
    }

    /**
     * Writes an archive of about {@code targetBytes} to {@code file}: weeks {@link #FIRST_WEEK} to the week of
     * {@code now}, that last one incomplete, with a week's post count varying around what fills the target.
     */
    Manifest write(Path file, long targetBytes, Instant now) throws IOException {
        IsoWeek current = IsoWeek.of(now);
        int weekCount = 0;
        for (IsoWeek w = FIRST_WEEK; w.compareTo(current) <= 0; w = w.next()) {
            weekCount++;
        }
        Random sizes = new Random(500L);
        long tweets = 0;
        int largestTweets = 0;
        long largestBytes = 0;
        int lastCount = 0;
        long lastGap = 0;
        Instant lastEnd = now;
        try (CountingStream counted = new CountingStream(Files.newOutputStream(file));
                JsonGenerator gen = mapper.getFactory().createGenerator(counted, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("format", ArchiveFormat.FORMAT);
            gen.writeObjectField("account", ACCOUNT);
            gen.writeStringField("updated_at", now.toString());
            gen.writeArrayFieldStart("weeks");
            double bytesPerTweet = 1500;
            int k = 0;
            for (IsoWeek w = FIRST_WEEK; w.compareTo(current) <= 0; w = w.next(), k++) {
                gen.flush();
                long before = counted.count;
                boolean open = w.equals(current);
                Instant end = open ? now.minus(Duration.ofMinutes(1)) : w.end();
                double share = Math.max(0, Duration.between(w.start(), end).toMillis() / (7 * 24 * 3600_000.0));
                double perWeek = Math.max(0, targetBytes - before) / bytesPerTweet / (weekCount - k);
                int count = (int) Math.round(perWeek * share * (0.3 + 1.4 * sizes.nextDouble()));
                long gap = Math.max(1, Duration.between(w.start(), end).toMillis() / (count + 40));
                Week week = week(w, count, gap, end);
                writeWeek(gen, w, !open, open ? now : w.end().plus(Duration.ofHours(5)), week);
                gen.flush();
                long weekBytes = counted.count - before;
                tweets += count;
                if (count > largestTweets) {
                    largestTweets = count;
                    largestBytes = weekBytes;
                }
                if (tweets > 0) {
                    bytesPerTweet = (double) counted.count / tweets;
                }
                lastCount = count;
                lastGap = gap;
                lastEnd = end;
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.flush();
            return new Manifest(counted.count, tweets, weekCount, current, lastCount, lastGap, lastEnd, largestTweets,
                    largestBytes);
        }
    }

    private void writeWeek(JsonGenerator gen, IsoWeek w, boolean complete, Instant fetchedAt, Week week)
            throws IOException {
        gen.writeStartObject();
        gen.writeStringField("week", w.toString());
        gen.writeStringField("start", w.start().toString());
        gen.writeStringField("end", w.end().toString());
        gen.writeBooleanField("complete", complete);
        gen.writeStringField("fetched_at", fetchedAt.toString());
        gen.writeArrayFieldStart("tweets");
        for (JsonNode tweet : week.tweets()) {
            gen.writeTree(tweet);
        }
        gen.writeEndArray();
        gen.writeFieldName("includes");
        gen.writeTree(week.includes());
        gen.writeEndObject();
    }

    /**
     * The first {@code count} posts of week {@code w}: about {@code gapMillis} apart from the week's start, none at
     * or after {@code end}; newest first.
     */
    Week week(IsoWeek w, int count, long gapMillis, Instant end) {
        Random random = new Random(w.year() * 100L + w.week());
        Map<String, JsonNode> users = new LinkedHashMap<>();
        Map<String, JsonNode> tweets = new LinkedHashMap<>();
        Map<String, JsonNode> media = new LinkedHashMap<>();
        Map<String, JsonNode> places = new LinkedHashMap<>();
        Map<String, JsonNode> polls = new LinkedHashMap<>();
        List<JsonNode> posts = new ArrayList<>();
        long at = w.start().toEpochMilli();
        long last = end.toEpochMilli() - 1;
        for (int i = 0; i < count; i++) {
            at = Math.min(last, at + 1 + (long) (-Math.log(1 - random.nextDouble()) * gapMillis));
            posts.add(post(random, Instant.ofEpochMilli(at), i, users, tweets, media, places, polls));
        }
        Collections.reverse(posts);
        ObjectNode includes = mapper.createObjectNode();
        put(includes, "users", users);
        put(includes, "tweets", tweets);
        put(includes, "media", media);
        put(includes, "places", places);
        put(includes, "polls", polls);
        return new Week(posts, includes);
    }

    private static void put(ObjectNode includes, String type, Map<String, JsonNode> items) {
        if (!items.isEmpty()) {
            includes.putArray(type).addAll(items.values());
        }
    }

    private ObjectNode post(Random random, Instant at, int sequence, Map<String, JsonNode> users,
            Map<String, JsonNode> tweets, Map<String, JsonNode> media, Map<String, JsonNode> places,
            Map<String, JsonNode> polls) {
        String id = snowflake(at, sequence);
        users.putIfAbsent(AUTHOR_ID, user(AUTHOR_ID, random));
        StringBuilder text = new StringBuilder();
        ObjectNode tweet = mapper.createObjectNode();
        ArrayNode hashtags = mapper.createArrayNode();
        ArrayNode mentions = mapper.createArrayNode();
        ArrayNode urls = mapper.createArrayNode();
        ArrayNode refs = mapper.createArrayNode();
        String conversation = id;
        String replyTo = null;
        int kind = random.nextInt(100);
        if (kind < 12) {
            // a retweet: "RT @user: " and the original post in includes
            String other = otherUserId(random);
            users.putIfAbsent(other, user(other, random));
            String original = snowflake(at.minus(Duration.ofMinutes(1 + random.nextInt(600))), 4000 + sequence);
            tweets.putIfAbsent(original, otherTweet(original, other, at, random));
            text.append("RT ");
            mention(text, mentions, other);
            text.append(": ");
            refs.addObject().put("type", "retweeted").put("id", original);
        } else if (kind < 27) {
            // a reply to someone's post, which X includes with its author
            replyTo = otherUserId(random);
            users.putIfAbsent(replyTo, user(replyTo, random));
            String parent = snowflake(at.minus(Duration.ofMinutes(1 + random.nextInt(300))), 8000 + sequence);
            tweets.putIfAbsent(parent, otherTweet(parent, replyTo, at, random));
            conversation = parent;
            mention(text, mentions, replyTo);
            text.append(' ');
            refs.addObject().put("type", "replied_to").put("id", parent);
        }
        text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        for (int t = random.nextInt(3); t > 0; t--) {
            text.append(' ');
            int start = text.codePointCount(0, text.length());
            String tag = TAGS[random.nextInt(TAGS.length)];
            text.append('#').append(tag);
            hashtags.addObject().put("start", start).put("end", start + 1 + tag.length()).put("tag", tag);
        }
        if (random.nextInt(4) == 0) {
            String other = otherUserId(random);
            users.putIfAbsent(other, user(other, random));
            text.append(" with ");
            mention(text, mentions, other);
        }
        if (random.nextInt(3) == 0) {
            text.append(' ');
            String slug = slug(random);
            int start = text.codePointCount(0, text.length());
            text.append("https://t.co/").append(slug);
            String expanded = "https://example.org/notes/" + slug;
            urls.addObject().put("start", start).put("end", start + 23).put("url", "https://t.co/" + slug)
                    .put("expanded_url", expanded).put("display_url", "example.org/notes/" + slug)
                    .put("unwound_url", expanded).put("status", 200).put("title", "Notes " + slug);
        }
        if (kind >= 27 && kind < 32) {
            // a quote of someone's post
            String other = otherUserId(random);
            users.putIfAbsent(other, user(other, random));
            String quoted = snowflake(at.minus(Duration.ofHours(1 + random.nextInt(48))), 12000 + sequence);
            tweets.putIfAbsent(quoted, otherTweet(quoted, other, at, random));
            refs.addObject().put("type", "quoted").put("id", quoted);
            text.append(' ');
            int start = text.codePointCount(0, text.length());
            text.append("https://t.co/q").append(sequence);
            urls.addObject().put("start", start).put("end", start + 23).put("url", "https://t.co/q" + sequence)
                    .put("expanded_url", "https://twitter.com/user" + other + "/status/" + quoted)
                    .put("display_url", "twitter.com/user" + other.substring(15) + "/status/…");
        }
        tweet.put("id", id);
        tweet.put("text", text.toString());
        tweet.putArray("edit_history_tweet_ids").add(id);
        tweet.put("author_id", AUTHOR_ID);
        tweet.put("created_at", TIME.format(at));
        tweet.put("conversation_id", conversation);
        if (replyTo != null) {
            tweet.put("in_reply_to_user_id", replyTo);
        }
        tweet.put("lang", LANGS[random.nextInt(LANGS.length)]);
        tweet.put("source", SOURCES[random.nextInt(SOURCES.length)]);
        tweet.put("possibly_sensitive", false);
        tweet.put("reply_settings", "everyone");
        if (!refs.isEmpty()) {
            tweet.set("referenced_tweets", refs);
        }
        int extra = random.nextInt(100);
        if (kind >= 32 && extra < 14 && at.isAfter(Instant.parse("2011-06-01T00:00:00Z"))) {
            ArrayNode keys = tweet.putObject("attachments").putArray("media_keys");
            for (int m = 1 + random.nextInt(4); m > 0; m--) {
                String key = "3_" + snowflake(at, 20000 + sequence * 4 + m);
                keys.add(key);
                media.put(key, photo(key, random));
            }
        } else if (kind >= 32 && extra < 15 && at.isAfter(Instant.parse("2015-10-21T00:00:00Z"))) {
            String poll = snowflake(at, 30000 + sequence);
            tweet.putObject("attachments").putArray("poll_ids").add(poll);
            polls.put(poll, poll(poll, at, random));
        }
        if (random.nextInt(40) == 0) {
            String place = "01a9a39529b27f" + String.format("%02x", random.nextInt(8));
            tweet.putObject("geo").put("place_id", place);
            places.putIfAbsent(place, place(place));
        }
        ObjectNode metrics = tweet.putObject("public_metrics");
        metrics.put("retweet_count", random.nextInt(40)).put("reply_count", random.nextInt(15))
                .put("like_count", random.nextInt(300)).put("quote_count", random.nextInt(5))
                .put("bookmark_count", random.nextInt(10)).put("impression_count", 100 + random.nextInt(20000));
        tweet.putObject("edit_controls").put("edits_remaining", 5).put("is_edit_eligible", false)
                .put("editable_until", TIME.format(at.plus(Duration.ofHours(1))));
        ObjectNode entities = mapper.createObjectNode();
        if (!urls.isEmpty()) {
            entities.set("urls", urls);
        }
        if (!hashtags.isEmpty()) {
            entities.set("hashtags", hashtags);
        }
        if (!mentions.isEmpty()) {
            entities.set("mentions", mentions);
        }
        if (!entities.isEmpty()) {
            tweet.set("entities", entities);
        }
        return tweet;
    }

    private static void mention(StringBuilder text, ArrayNode mentions, String userId) {
        int start = text.codePointCount(0, text.length());
        String username = username(userId);
        text.append('@').append(username);
        mentions.addObject().put("start", start).put("end", start + 1 + username.length()).put("username", username)
                .put("id", userId);
    }

    private ObjectNode otherTweet(String id, String authorId, Instant before, Random random) {
        ObjectNode tweet = mapper.createObjectNode();
        tweet.put("id", id);
        tweet.put("text", SENTENCES[random.nextInt(SENTENCES.length)]);
        tweet.putArray("edit_history_tweet_ids").add(id);
        tweet.put("author_id", authorId);
        tweet.put("created_at", TIME.format(before.minus(Duration.ofMinutes(5))));
        tweet.put("conversation_id", id);
        tweet.put("lang", "en");
        tweet.put("source", SOURCES[random.nextInt(SOURCES.length)]);
        tweet.put("possibly_sensitive", false);
        tweet.put("reply_settings", "everyone");
        tweet.putObject("public_metrics").put("retweet_count", random.nextInt(400))
                .put("reply_count", random.nextInt(50)).put("like_count", random.nextInt(3000))
                .put("quote_count", random.nextInt(20)).put("bookmark_count", random.nextInt(40))
                .put("impression_count", 1000 + random.nextInt(200000));
        return tweet;
    }

    private ObjectNode user(String id, Random random) {
        ObjectNode user = mapper.createObjectNode();
        boolean self = AUTHOR_ID.equals(id);
        user.put("id", id);
        user.put("name", self ? "Heavy Poster" : "User " + id.substring(15));
        user.put("username", username(id));
        user.put("created_at", self ? "2009-05-02T08:15:00.000Z" : "2012-03-01T12:00:00.000Z");
        user.put("description", self ? "Posting about archives, open data and tea since 2009. #opendata"
                : "Researcher, reader, occasional poster.");
        user.put("location", self ? "Leipzig" : "");
        user.put("profile_image_url", "https://pbs.twimg.com/profile_images/" + id + "/avatar_normal.jpg");
        user.put("protected", false);
        user.put("verified", false);
        user.put("verified_type", "none");
        user.put("url", "");
        user.putObject("public_metrics").put("followers_count", self ? 18342 : 100 + Math.abs(id.hashCode() % 5000))
                .put("following_count", 400).put("tweet_count", self ? 480000 : 2000).put("listed_count", 37)
                .put("like_count", 12000);
        return user;
    }

    private ObjectNode photo(String key, Random random) {
        ObjectNode photo = mapper.createObjectNode();
        photo.put("media_key", key);
        photo.put("type", "photo");
        photo.put("url", "https://pbs.twimg.com/media/" + key + ".jpg");
        photo.put("width", 1200 + random.nextInt(800));
        photo.put("height", 800 + random.nextInt(600));
        if (random.nextBoolean()) {
            photo.put("alt_text", "A photo of an old handwritten page from the archive");
        }
        return photo;
    }

    private ObjectNode poll(String id, Instant at, Random random) {
        ObjectNode poll = mapper.createObjectNode();
        poll.put("id", id);
        ArrayNode options = poll.putArray("options");
        String[] labels = {"Paper", "Digital", "Both", "Neither"};
        for (int i = 0; i < 2 + random.nextInt(3); i++) {
            options.addObject().put("position", i + 1).put("label", labels[i]).put("votes", random.nextInt(500));
        }
        poll.put("duration_minutes", 1440);
        poll.put("end_datetime", TIME.format(at.plus(Duration.ofDays(1))));
        poll.put("voting_status", "closed");
        return poll;
    }

    private ObjectNode place(String id) {
        ObjectNode place = mapper.createObjectNode();
        place.put("full_name", "Leipzig, Germany");
        place.put("id", id);
        place.put("name", "Leipzig");
        place.put("country", "Germany");
        place.put("country_code", "DE");
        place.put("place_type", "city");
        return place;
    }

    /** A t.co link's ten characters. */
    private static String slug(Random random) {
        StringBuilder slug = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            slug.append(SLUG_CHARS.charAt(random.nextInt(SLUG_CHARS.length())));
        }
        return slug.toString();
    }

    private static String otherUserId(Random random) {
        return Long.toString(1600000000000000000L + random.nextInt(OTHER_USERS));
    }

    private static String username(String userId) {
        return AUTHOR_ID.equals(userId) ? "heavy_poster" : "user_" + userId.substring(15);
    }

    /** A post id as X makes them: milliseconds since its epoch, then a sequence number. */
    private static String snowflake(Instant at, int sequence) {
        return Long.toString(((at.toEpochMilli() - TWITTER_EPOCH) << 22) | (sequence & 0x3FFFFF));
    }

    private static Map<String, Object> account() {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", AUTHOR_ID);
        account.put("username", "heavy_poster");
        account.put("name", "Heavy Poster");
        return Collections.unmodifiableMap(account);
    }

    /** Counts what passes, to size the archive while it is written. */
    static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
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
    }
}
