package org.tweetflow.sandbox.x;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.tweetflow.sandbox.x.XSimulator.Account;

/** Builds the deterministic demo accounts and posts (fixed seed; times relative to {@code now}). */
final class DemoData {

    static final Instant SANDY_SINCE = Instant.parse("2019-01-07T09:00:00Z");
    static final int SANDY_POSTS = 5000;
    static final Instant VETERAN_CREATED = Instant.parse("2007-03-14T18:02:00Z");
    static final Instant VETERAN_SINCE = Instant.parse("2007-03-20T09:00:00Z");
    static final int VETERAN_POSTS = 4000;
    static final int ESCAPED_EVERY = 250;
    static final String ESCAPED_PREFIX = "Notes & <maps> ";

    /** When X started to offer what a generated post may use; earlier posts of that kind become plain posts. */
    private static final Instant NATIVE_RETWEETS = Instant.parse("2009-11-06T00:00:00Z");
    private static final Instant NATIVE_PHOTOS = Instant.parse("2011-06-01T00:00:00Z");
    private static final Instant QUOTE_TWEETS = Instant.parse("2015-04-06T00:00:00Z");
    private static final Instant POLLS = Instant.parse("2015-10-21T00:00:00Z");

    /**
     * One demo account's generated years of posts.
     *
     * @param slug    names its media files
     * @param keyBase keeps its media keys and poll ids apart from other accounts'
     */
    private record History(String author, String slug, Instant since, int posts, long keyBase) {
    }

    private static final String[] SOURCES = {"Twitter Web App", "Twitter for Android", "Twitter for iPhone",
            "TweetDeck"};
    private static final String[] TAGS = {"#opendata", "#climate", "#python", "#archives", "#citizenscience",
            "#openscience", "#datascience", "#privacy"};
    private static final String[] EXTRA = {"civic_carla", "data_dmitri", "lumen_lea", "hana_tokyo"};
    private static final String[][] TEXTS = {
            {"en", "Spent the afternoon cleaning up old field notes"},
            {"en", "New blog post about keeping a personal archive of what you write"},
            {"en", "Reading about climate records kept by volunteers for a century"},
            {"en", "Small python script to tidy up my bookmarks, works nicely"},
            {"en", "Libraries are the best public infrastructure we have"},
            {"de", "Heute im Stadtarchiv gewesen, spannende alte Karten gefunden"},
            {"de", "Offene Daten machen die Stadt besser, finde ich"},
            {"fr", "Une belle journée pour trier les archives de la famille"},
            {"fr", "Les données ouvertes changent la recherche citoyenne"},
            {"es", "Hoy aprendí mucho sobre la conservación de documentos"},
            {"es", "Los datos abiertos ayudan a entender el clima"},
            {"ja", "今日は古い写真を整理しました"},
            {"ja", "オープンデータの勉強会に参加しました"},
    };

    private final XSimulator sim;
    private final Instant now;
    private final Random random = new Random(20190107L);

    DemoData(XSimulator sim, Instant now) {
        this.sim = sim;
        this.now = now;
    }

    void generate() {
        sim.addAccount(new Account(XSimulator.SANDY, "Sandy Archivist", "sandy_archivist",
                Instant.parse("2018-11-02T10:15:00Z"), "Keeping records since forever. Archives, #opendata, tea.",
                "Leipzig", false, false, avatar("sandy_archivist"), 1834, 402, 37));
        sim.addAccount(new Account(XSimulator.SAM, "Small Sam", "small_sam", now.minus(Duration.ofDays(90)),
                "Just started posting.", "", false, false, avatar("small_sam"), 12, 30, 0));
        sim.addAccount(new Account(XSimulator.EMMA, "Empty Emma", "empty_emma", now.minus(Duration.ofDays(400)),
                "", "", false, false, avatar("empty_emma"), 3, 5, 0));
        String[] extraNames = {"Civic Carla", "Data Dmitri", "Lumen Léa", "Hana 花"};
        for (int i = 0; i < EXTRA.length; i++) {
            sim.addAccount(new Account(extraId(i), extraNames[i], EXTRA[i], Instant.parse("2015-03-01T12:00:00Z")
                    .plus(Duration.ofDays(97L * i)), "Demo account " + EXTRA[i], "", false, i == 0,
                    avatar(EXTRA[i]), 5000 + 1000 * i, 200 + i, 40 + i));
        }
        sim.addPlace(new XSimulator.Place("01a9a39529b27f36", "Manhattan, NY", "Manhattan", "United States", "US",
                "city"));
        sim.addPlace(new XSimulator.Place("3078869807f9dd36", "Berlin, Germany", "Berlin", "Germany", "DE", "city"));
        sim.addPlace(new XSimulator.Place("09f6a7707f18e0b1", "Paris, France", "Paris", "France", "FR", "city"));
        sim.addPlace(new XSimulator.Place("0e7ad3b1bb4b1e0f", "Tokyo, Japan", "Tokyo", "Japan", "JP", "city"));

        history(new History(XSimulator.SANDY, "sandy", SANDY_SINCE, SANDY_POSTS, 0));
        sam();
        recentChatter();
        // Last, so the posts of the accounts above stay what they were before the veteran joined.
        sim.addAccount(new Account(XSimulator.VETERAN, "Veteran Vera", "veteran_vera", VETERAN_CREATED,
                "Posting since 2007. Old notebooks, #archives and #opendata.", "Manchester", false, false,
                avatar("veteran_vera"), 9120, 611, 154));
        history(new History(XSimulator.VETERAN, "vera", VETERAN_SINCE, VETERAN_POSTS, 100_000));
    }

    private static String extraId(int i) {
        return "14000000000000000" + (10 + i);
    }

    private static String avatar(String username) {
        return "https://pbs.twimg.com/profile_images/1400000000/" + username + "_normal.jpg";
    }

    /** The account's posts at random times between its start and two hours ago, oldest first. */
    private void history(History h) {
        long span = Duration.between(h.since(), now.minus(Duration.ofHours(2))).toSeconds();
        long[] offsets = new long[h.posts()];
        for (int i = 0; i < h.posts(); i++) {
            offsets[i] = (long) (random.nextDouble() * span);
        }
        java.util.Arrays.sort(offsets);
        List<Tweet> own = new ArrayList<>();
        for (int i = 0; i < h.posts(); i++) {
            Instant at = h.since().plusSeconds(offsets[i]);
            own.add(historyPost(h, i, at, own));
        }
    }

    /**
     * The veteran's own words, in every 250th post (from the 18th on) with the characters X HTML-escapes in its
     * answers and exports ({@code &}, {@code <}, {@code >}): before 2010-11-06 and within the newest 3,200 alike.
     * Chosen by index, not by the random draws, so every post keeps what it had before.
     */
    private static String ownWords(History h, int i, String words) {
        return XSimulator.VETERAN.equals(h.author()) && i % ESCAPED_EVERY == 17 ? ESCAPED_PREFIX + words : words;
    }

    /** What a post of this kind could not be yet at that time becomes a plain post (kind 8 and up). */
    private static int availableKind(int kind, Instant at) {
        boolean tooEarly = (kind == 0 && at.isBefore(NATIVE_RETWEETS)) || (kind == 1 && at.isBefore(QUOTE_TWEETS))
                || ((kind == 4 || kind == 5) && at.isBefore(NATIVE_PHOTOS)) || (kind == 6 && at.isBefore(POLLS));
        return tooEarly ? 8 : kind;
    }

    private Tweet historyPost(History h, int i, Instant at, List<Tweet> own) {
        String author = h.author();
        int kind = availableKind(random.nextInt(20), at);
        String[] base = TEXTS[random.nextInt(TEXTS.length)];
        String lang = base[0];
        String words = ownWords(h, i, base[1]);
        String source = SOURCES[random.nextInt(SOURCES.length)];
        Tweet.Metrics metrics = metrics();
        boolean withheld = i % 97 == 13;
        if (kind == 0) {
            // retweet of another account
            Tweet original = extraPost(at.minus(Duration.ofMinutes(5 + random.nextInt(600))));
            String username = sim.account(original.authorId()).orElseThrow().username();
            return sim.addTweet(author, "RT @" + username + ": " + original.text(), at, original.lang(), source, 0,
                    null, List.of(new Tweet.Ref("retweeted", original.id())), List.of(), null, null,
                    new Tweet.Metrics(original.metrics().retweetCount(), 0, 0, 0, 0, 0), withheld);
        }
        if (kind == 1) {
            Tweet quoted = extraPost(at.minus(Duration.ofMinutes(5 + random.nextInt(600))));
            return sim.addTweet(author, words + " https://t.co/q" + Long.toString(quoted.id() % 100000, 36), at,
                    lang, source, 0, null, List.of(new Tweet.Ref("quoted", quoted.id())), List.of(), null, null,
                    metrics, withheld);
        }
        if (kind == 2) {
            Tweet parent = extraPost(at.minus(Duration.ofMinutes(2 + random.nextInt(120))));
            String username = sim.account(parent.authorId()).orElseThrow().username();
            return sim.addTweet(author, "@" + username + " " + words, at, lang, source, parent.conversationId(),
                    parent.authorId(), List.of(new Tweet.Ref("replied_to", parent.id())), List.of(), null, null,
                    metrics, withheld);
        }
        if (kind == 3 && !own.isEmpty()) {
            // self-reply thread
            Tweet parent = own.get(own.size() - 1);
            return sim.addTweet(author, words + " (2/2)", at, lang, source, parent.conversationId(),
                    author, List.of(new Tweet.Ref("replied_to", parent.id())), List.of(), null, null,
                    metrics, withheld);
        }
        StringBuilder text = new StringBuilder(words);
        if (random.nextInt(3) == 0) {
            text.append(' ').append(TAGS[random.nextInt(TAGS.length)]);
        }
        if (random.nextInt(5) == 0) {
            text.append(" with @").append(random.nextBoolean() ? "small_sam" : EXTRA[random.nextInt(EXTRA.length)]);
        }
        if (random.nextInt(6) == 0) {
            text.append(" https://t.co/u").append(Integer.toString(i, 36));
        }
        List<String> mediaKeys = List.of();
        if (kind == 4 || kind == 5) {
            String key = "3_" + (1500000000000000000L + h.keyBase() + i);
            sim.addMedia(new XSimulator.Media(key, "photo", "https://pbs.twimg.com/media/" + h.slug() + i + ".jpg",
                    1200, 800, i % 2 == 0 ? "A photo of archive boxes" : null));
            mediaKeys = List.of(key);
            text.append(" https://t.co/p").append(Integer.toString(i, 36));
        }
        String pollId = null;
        if (kind == 6 && random.nextInt(3) == 0) {
            pollId = Long.toString(1600000000000000000L + h.keyBase() + i);
            sim.addPoll(new XSimulator.Poll(pollId, List.of("Paper", "Digital", "Both"),
                    List.of(random.nextInt(50), random.nextInt(50), random.nextInt(50)), 1440,
                    at.plus(Duration.ofMinutes(1440))));
            text.setLength(0);
            text.append("How do you keep your notes?");
            lang = "en";
        }
        String placeId = null;
        if (kind == 7) {
            List<XSimulator.Place> places = sim.placeList();
            placeId = places.get(random.nextInt(places.size())).id();
        }
        return sim.addTweet(author, text.toString(), at, lang, source, 0, null, List.of(), mediaKeys, pollId, placeId,
                metrics, withheld);
    }

    private Tweet extraPost(Instant at) {
        int who = random.nextInt(EXTRA.length);
        String[] base = TEXTS[random.nextInt(TEXTS.length)];
        String text = base[1] + (random.nextBoolean() ? " " + TAGS[random.nextInt(TAGS.length)] : "");
        return sim.addTweet(extraId(who), text, at, base[0], SOURCES[random.nextInt(SOURCES.length)], 0, null,
                List.of(), List.of(), null, null, metrics(), false);
    }

    private Tweet.Metrics metrics() {
        return new Tweet.Metrics(random.nextInt(40), random.nextInt(10), random.nextInt(200), random.nextInt(5),
                random.nextInt(8), 100 + random.nextInt(5000));
    }

    private void sam() {
        String[] lines = {"Hello world, my first posts here", "Trying out #python for a climate data project",
                "Coffee and code", "Reading @sandy_archivist on personal archives https://t.co/sam1",
                "The #opendata meetup was great", "Weekend walk, nice weather"};
        for (int i = 0; i < 40; i++) {
            Instant at = now.minus(Duration.ofMinutes(30 + (long) i * 70 * 24 * 60 / 40 + random.nextInt(300)))
                    .truncatedTo(ChronoUnit.SECONDS);
            sim.addTweet(XSimulator.SAM, lines[i % lines.length], at, "en", "Twitter for Android", 0, null, List.of(),
                    List.of(), null, null, metrics(), false);
        }
    }

    /** Posts of the last 7 days with common words, so search has something to find. */
    private void recentChatter() {
        String[] lines = {"New climate report out today, worth reading #climate",
                "Released a python package for #opendata portals",
                "Volunteers digitised 10k climate records #citizenscience",
                "Why #opendata matters for cities https://t.co/od1",
                "Teaching python to archivists this week with @sandy_archivist"};
        for (int i = 0; i < 60; i++) {
            Instant at = now.minus(Duration.ofMinutes(10 + (long) i * 6 * 24 * 60 / 60 + random.nextInt(60)));
            String author = i % 7 == 0 ? XSimulator.SANDY : extraId(i % EXTRA.length);
            sim.addTweet(author, lines[i % lines.length], at, "en", "Twitter Web App", 0, null, List.of(), List.of(),
                    null, null, metrics(), false);
        }
    }
}
