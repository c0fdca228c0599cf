package org.tweetflow.sandbox.x;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.x.XSimulator.Account;

/**
 * What recent search finds besides the demo accounts' posts: a few thousand posts of the last seven days by
 * accounts of their own, shaped like a real collection (a few dominant hashtags and a long tail, mentions, links to
 * several sites, photos with exact and near-duplicate pictures, retweets, quotes, replies, five languages, a few
 * places). Seeded, with times relative to {@code now}, so it is the same on every start.
 */
final class SearchCorpus {

    static final int AUTHORS = 60;
    static final int POSTS = 3000;
    /** The first corpus account's id; the others follow it. */
    static final long FIRST_AUTHOR = 1400000000000002000L;
    static final long FIRST_MEDIA = 1700000000000000000L;
    static final int MOTIFS = 40;

    private static final String[] FIRST_NAMES = {"ana", "ben", "chloe", "dario", "emil", "fatou", "greta", "hiro",
            "ines", "jonas", "kai", "lucia", "mateo", "noor", "oskar", "priya", "quentin", "rosa", "sven", "tomo"};
    private static final String[] SURNAMES = {"moreau", "schmidt", "garcia"};
    private static final String[] LOCATIONS = {"Berlin", "Paris", "Madrid", "Tokyo", "London", "", "Lyon", "Osaka"};
    /** Each author writes mostly in one language; the corpus is half English. */
    private static final String[] AUTHOR_LANGS = {"en", "de", "en", "fr", "es", "en", "ja", "en", "de", "fr"};
    private static final String[][] SENTENCES = {
            {"en", "New figures on sea ice are out and they are sobering",
                    "Our city finally published its tree inventory as open data",
                    "Great thread on reproducible research workflows",
                    "Spent the morning mapping bike lanes with volunteers",
                    "This dataset of river levels goes back to 1850",
                    "Heat records again this week, stay safe everyone",
                    "Open access should be the default for public research",
                    "Workshop slides on data cleaning are online now"},
            {"de", "Neue Zahlen zum Meereis sind da, und sie sind ernüchternd",
                    "Unsere Stadt hat endlich ihr Baumkataster als offene Daten veröffentlicht",
                    "Heute Workshop zu offenen Verwaltungsdaten in Leipzig",
                    "Die Pegelstände der Elbe seit 1850 als Datensatz, großartig",
                    "Schon wieder ein Hitzerekord, passt auf euch auf",
                    "Forschung mit öffentlichem Geld gehört öffentlich zugänglich"},
            {"fr", "Les nouveaux chiffres sur la banquise sont inquiétants",
                    "Notre ville publie enfin ses données sur les arbres",
                    "Atelier sur les données ouvertes ce matin à Paris",
                    "Encore un record de chaleur cette semaine",
                    "La science ouverte devrait être la règle",
                    "Un jeu de données sur la Seine depuis 1850"},
            {"es", "Los nuevos datos sobre el hielo marino son preocupantes",
                    "Nuestra ciudad por fin publica sus datos abiertos de arbolado",
                    "Taller de ciencia abierta esta tarde en Madrid",
                    "Otra ola de calor esta semana, cuidaos",
                    "La investigación pública debe ser de acceso abierto",
                    "Datos del caudal del Ebro desde 1900"},
            {"ja", "海氷の新しいデータが公開されました", "市の街路樹データがオープンデータになりました",
                    "今日はオープンサイエンスの勉強会です", "今週もまた猛暑の記録が出ました", "研究データの公開はとても大事です",
                    "川の水位のデータセットを見つけました"}};
    /** Hashtags with their weights: five dominate, the rest is a long tail. */
    private static final Object[][] HASHTAGS = {{"#climate", 30}, {"#opendata", 20}, {"#openscience", 12},
            {"#datascience", 10}, {"#archives", 8}, {"#python", 4}, {"#privacy", 3}, {"#citizenscience", 4},
            {"#heatwave", 3}, {"#biodiversity", 2}, {"#energy", 2}, {"#floods", 2}, {"#maps", 2}, {"#gis", 1},
            {"#libraries", 2}, {"#research", 3}, {"#openaccess", 3}, {"#ai", 2}, {"#ethics", 1}, {"#cycling", 1},
            {"#cities", 1}, {"#water", 1}, {"#oceans", 1}, {"#forests", 1}, {"#klimaschutz", 2}, {"#climat", 2},
            {"#clima", 2}, {"#気候変動", 2}, {"#digitalhumanities", 1}};
    private static final String[] SITES = {"https://www.nature.com/articles/", "https://github.com/tweetflow-demo/",
            "https://www.theguardian.com/environment/", "https://www.zeit.de/wissen/", "https://www.lemonde.fr/planete/",
            "https://elpais.com/clima-y-medio-ambiente/", "https://www3.nhk.or.jp/news/html/",
            "https://data.europa.eu/data/datasets/", "https://arxiv.org/abs/", "https://example.org/notes/"};
    private static final int LINKS = 120;
    private static final String[] SOURCES = {"Twitter for iPhone", "Twitter for iPhone", "Twitter for Android",
            "Twitter for Android", "Twitter Web App", "Twitter Web App", "TweetDeck Web App"};

    private final XSimulator sim;
    private final Instant now;
    private final Random random = new Random(20261130L);
    private final List<Account> authors = new ArrayList<>();
    private final List<Tweet> originals = new ArrayList<>();
    private final List<Tweet> viral = new ArrayList<>();
    private final List<Tweet> all = new ArrayList<>();
    private final int hashtagWeight = Arrays.stream(HASHTAGS).mapToInt(h -> (Integer) h[1]).sum();
    private int slugs;
    private int photos;

    SearchCorpus(XSimulator sim, Instant now) {
        this.sim = sim;
        this.now = now;
    }

    static String authorId(int i) {
        return Long.toString(FIRST_AUTHOR + i);
    }

    void generate() {
        sim.addPlace(new XSimulator.Place("1d9b3a5c7e2f4a60", "London, England", "London", "United Kingdom", "GB",
                "city"));
        sim.addPlace(new XSimulator.Place("206e5a3c1b7d9f42", "Madrid, Spain", "Madrid", "Spain", "ES", "city"));
        sim.addPlace(new XSimulator.Place("3a8c6e4f2d1b0975", "Osaka, Japan", "Osaka", "Japan", "JP", "city"));
        for (int i = 0; i < AUTHORS; i++) {
            authors.add(author(i));
            sim.addAccount(authors.get(i));
        }
        Instant from = now.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(10));
        long span = Duration.between(from, now.minus(Duration.ofMinutes(1))).toSeconds();
        long[] offsets = new long[POSTS];
        for (int i = 0; i < POSTS; i++) {
            offsets[i] = (long) (random.nextDouble() * span);
        }
        Arrays.sort(offsets);
        for (long offset : offsets) {
            all.add(post(from.plusSeconds(offset)));
        }
    }

    private Account author(int i) {
        String first = FIRST_NAMES[i % FIRST_NAMES.length];
        String surname = SURNAMES[i / FIRST_NAMES.length];
        String name = capitalised(first) + " " + capitalised(surname);
        int followers = (int) Math.round(20 * Math.pow(10, 4 * random.nextDouble()));
        Instant created = Instant.parse("2008-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(16 * 365)));
        return new Account(authorId(i), name, first + "_" + surname, created,
                "Open data, climate and maps. A demo account of the sandbox's search corpus.",
                LOCATIONS[i % LOCATIONS.length], false, i % 9 == 0,
                "https://pbs.twimg.com/profile_images/1700000000/" + first + "_" + surname + "_normal.jpg", followers,
                50 + random.nextInt(1500), followers / 200);
    }

    private Tweet post(Instant at) {
        Account author = authors.get(skewed(AUTHORS));
        double kind = random.nextDouble();
        if (kind < 0.2 && originals.size() > 20) {
            return retweet(author, at);
        }
        if (kind < 0.3 && originals.size() > 20) {
            return quote(author, at);
        }
        if (kind < 0.42 && all.size() > 20) {
            return reply(author, at);
        }
        return original(author, at);
    }

    private Tweet original(Account author, Instant at) {
        String lang = language(author);
        StringBuilder text = new StringBuilder(sentence(lang));
        hashtags(text);
        if (random.nextDouble() < 0.25) {
            text.append(" via @").append(authors.get(skewed(AUTHORS)).username());
            if (random.nextDouble() < 0.3) {
                text.append(" @").append(authors.get(skewed(AUTHORS)).username());
            }
        }
        if (random.nextDouble() < 0.3) {
            text.append(' ').append(link());
        }
        List<String> media = List.of();
        String photoSlug = null;
        if (random.nextDouble() < 0.18) {
            media = List.of(photo());
            photoSlug = "p" + Integer.toString(slugs++, 36);
            text.append(" https://t.co/").append(photoSlug);
        }
        String place = null;
        if (random.nextDouble() < 0.05) {
            List<XSimulator.Place> places = sim.placeList();
            place = places.get(random.nextInt(places.size())).id();
        }
        boolean isViral = random.nextDouble() < 0.04;
        Tweet t = sim.addTweet(author.id(), text.toString(), at, lang, source(), 0, null, List.of(), media, null,
                place, metrics(isViral), false);
        if (photoSlug != null) {
            // A retweet repeats the picture's t.co link without the media: it leads to the original's photo page.
            sim.addLink(photoSlug, new XSimulator.Link("https://x.com/" + author.username() + "/status/" + t.id()
                    + "/photo/1", null));
        }
        originals.add(t);
        if (isViral) {
            viral.add(t);
        }
        return t;
    }

    /** X's retweet: "RT @author: " and the original's text, with the original's language. */
    private Tweet retweet(Account author, Instant at) {
        Tweet original = !viral.isEmpty() && random.nextDouble() < 0.6 ? viral.get(random.nextInt(viral.size()))
                : originals.get(random.nextInt(originals.size()));
        String username = sim.account(original.authorId()).orElseThrow().username();
        return sim.addTweet(author.id(), "RT @" + username + ": " + original.text(), at, original.lang(), source(), 0,
                null, List.of(new Tweet.Ref("retweeted", original.id())), List.of(), null, null,
                new Tweet.Metrics(original.metrics().retweetCount(), 0, 0, 0, 0, 0), false);
    }

    private Tweet quote(Account author, Instant at) {
        Tweet quoted = originals.get(originals.size() - 1 - random.nextInt(Math.min(originals.size(), 200)));
        String lang = language(author);
        StringBuilder text = new StringBuilder(sentence(lang));
        hashtags(text);
        text.append(" https://t.co/q").append(Integer.toString(slugs++, 36));
        return sim.addTweet(author.id(), text.toString(), at, lang, source(), 0, null,
                List.of(new Tweet.Ref("quoted", quoted.id())), List.of(), null, null, metrics(false), false);
    }

    private Tweet reply(Account author, Instant at) {
        Tweet parent = all.get(all.size() - 1 - random.nextInt(Math.min(all.size(), 100)));
        String username = sim.account(parent.authorId()).orElseThrow().username();
        String lang = language(author);
        StringBuilder text = new StringBuilder("@").append(username).append(' ').append(sentence(lang));
        if (random.nextDouble() < 0.3) {
            hashtags(text);
        }
        return sim.addTweet(author.id(), text.toString(), at, lang, source(), parent.conversationId(),
                parent.authorId(), List.of(new Tweet.Ref("replied_to", parent.id())), List.of(), null, null,
                metrics(false), false);
    }

    /** Up to three distinct hashtags, by weight. */
    private void hashtags(StringBuilder text) {
        double r = random.nextDouble();
        int n = r < 0.25 ? 0 : r < 0.7 ? 1 : r < 0.92 ? 2 : 3;
        Set<String> tags = new LinkedHashSet<>();
        while (tags.size() < n) {
            tags.add(hashtag());
        }
        tags.forEach(tag -> text.append(' ').append(tag));
    }

    private String hashtag() {
        int pick = random.nextInt(hashtagWeight);
        for (Object[] h : HASHTAGS) {
            pick -= (Integer) h[1];
            if (pick < 0) {
                return (String) h[0];
            }
        }
        throw new IllegalStateException("weights add up to " + hashtagWeight);
    }

    /** A new t.co link to one of the corpus's pages; the popular pages are shared by many posts. */
    private String link() {
        int page = skewed(LINKS);
        String site = SITES[page % SITES.length];
        String slug = "l" + Integer.toString(slugs++, 36);
        sim.addLink(slug, new XSimulator.Link(site + "demo-" + page, "Demo page " + page));
        return "https://t.co/" + slug;
    }

    /** A photo whose picture is one of a few motifs: most plain (identical bytes), the rest slightly changed. */
    private String photo() {
        String key = "3_" + (FIRST_MEDIA + photos++);
        int motif = skewed(MOTIFS);
        DemoPhoto.Variant[] variants = DemoPhoto.Variant.values();
        DemoPhoto.Variant variant = random.nextDouble() < 0.6 ? DemoPhoto.Variant.PLAIN
                : variants[1 + random.nextInt(variants.length - 1)];
        sim.addPhoto(key, new DemoPhoto(motif, variant));
        sim.addMedia(new XSimulator.Media(key, "photo", SandboxClients.X_PATH + "/media/" + key + ".jpg",
                DemoPhoto.WIDTH, DemoPhoto.HEIGHT, random.nextBoolean() ? "A generated demo picture" : null));
        return key;
    }

    private String language(Account author) {
        int i = (int) (Long.parseLong(author.id()) - FIRST_AUTHOR);
        return random.nextDouble() < 0.9 ? AUTHOR_LANGS[i % AUTHOR_LANGS.length] : "en";
    }

    private String sentence(String lang) {
        for (String[] s : SENTENCES) {
            if (s[0].equals(lang)) {
                return s[1 + random.nextInt(s.length - 1)];
            }
        }
        throw new IllegalArgumentException("no sentences in " + lang);
    }

    private String source() {
        return SOURCES[random.nextInt(SOURCES.length)];
    }

    private Tweet.Metrics metrics(boolean isViral) {
        int retweets = isViral ? 200 + random.nextInt(2000) : random.nextInt(30);
        return new Tweet.Metrics(retweets, random.nextInt(20), retweets * 3 + random.nextInt(100), random.nextInt(10),
                random.nextInt(10), 100 + retweets * 50 + random.nextInt(5000));
    }

    /** 0..n-1, the low numbers far more often: a few accounts, pages and pictures draw most of the attention. */
    private int skewed(int n) {
        double r = random.nextDouble();
        return (int) (n * r * r);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
