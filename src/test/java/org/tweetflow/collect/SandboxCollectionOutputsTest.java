package org.tweetflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.x.Tweet;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * docs/collections.md "Collection outputs", end to end: one collection of the sandbox's search corpus (several pages: hashtags,
 * mentions, links, photos, retweets, quotes, replies, five languages, places) is collected and summarised once, and
 * every file the summaries wrote is compared with what this test computes on its own, naively, from the raw pages
 * the collection recorded (and, for the photos, from the bytes the sandbox serves). A few posts of our own add what
 * the corpus lacks: mixed-case hashtags and mentions, and text a spreadsheet would run as a formula. A copy of one
 * page is appended, as a resumed run may leave it, so that every output must count each post once.
 */
@TweetflowTest
class SandboxCollectionOutputsTest {

    static final String ADA = "10000001";
    /** Sparse enough that some hours have none of its posts, common enough for several pages within 7 days. */
    static final String QUERY = "#tweetflowoutputs OR #openscience OR #archives";
    static final int COUNT = 300;
    /** Texts the corpus has none of: each starts like a formula, some hold commas, quotes and a line break. */
    static final List<String> OWN_TEXTS = List.of(
            "=HYPERLINK(\"https://example.org/a,b\",\"a, b\") #TweetflowOutputs #OpenData",
            "+1, \"well said\" @Ana_Moreau #TWEETFLOWOUTPUTS",
            "-12 °C tonight\nin Leipzig #TweetflowOutputs #OpenScience",
            "@Small_Sam a note to myself #tweetflowoutputs #Archives",
            "\tindented #TweetflowOutputs");
    static final List<String> TWEET_COLUMNS = List.of("id", "created_at", "author_id", "author_username",
            "author_name", "text", "lang", "hashtags", "mentions", "urls", "media_keys", "media_urls",
            "conversation_id", "in_reply_to_user_id", "replied_to_id", "retweeted_id", "quoted_id", "retweet_count",
            "reply_count", "like_count", "quote_count", "place_id", "place_full_name", "place_country_code", "source",
            "tweet_url");
    /** Every output but the raw pages: what bundle.zip must hold. */
    static final List<String> OUTPUTS = List.of("count-hashtags.csv", "count-mentions.csv", "count-urls.csv",
            "count-domains.csv", "edgelist-hashtags.csv", "edgelist-mentions.csv", "count-followers.csv",
            "follow-ratio.csv", "retweets.csv", "count-media.csv", "tweet-ids.txt", "tweets.csv", "sample.csv",
            "timeline.csv", "count-users.csv", "count-languages.csv", "summary.json", "media.csv",
            "media-graph.json");
    /** docs/collections.md: two photos are near when their perceptual hashes differ in at most this many of 64 bits. */
    static final int NEAR = 12;

    @Autowired
    ProducerTemplate camel;
    @Autowired
    ConnectedMembers members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    CollectionFiles files;
    @Autowired
    CollectionSteps steps;
    @Autowired
    XSimulator x;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    // What the one collection gave, kept for every test of the class (JUnit makes an instance per test).
    static final List<Tweet> own = new ArrayList<>();
    static Collection collection;
    static Path out;
    /** How many pages the collection recorded. */
    static int pages;
    /** How many posts the page appended twice holds. */
    static int copied;
    static Instant summarisedFrom;
    static Instant summarisedUntil;
    /** Every post of the raw pages, copies included, in file order. */
    static final List<String> rawIds = new ArrayList<>();
    /** Each post once (its first copy), in file order, with its page's includes. */
    static final List<Post> posts = new ArrayList<>();
    /** The bytes the sandbox serves for each photo URL of the pages' includes. */
    static final Map<String, byte[]> pictures = new HashMap<>();
    static final Map<String, Long> hashes = new HashMap<>();
    static final Map<String, double[]> thumbnails = new HashMap<>();
    /** Takes away what the class added to the shared context: the sandbox's posts, the collection, the member. */
    static Runnable forget = () -> { };

    record Post(JsonNode tweet, JsonNode includes) {

        String id() {
            return tweet.path("id").asText();
        }

        /** The author's user object from the page's includes, or null. */
        JsonNode author() {
            for (JsonNode user : includes.path("users")) {
                if (user.path("id").asText().equals(tweet.path("author_id").asText())) {
                    return user;
                }
            }
            return null;
        }

        /** docs/collections.md: users are keyed by lowercased username, or the author id when X did not include the author. */
        String user() {
            JsonNode author = author();
            return author != null && author.hasNonNull("username") ? lower(author.path("username").asText())
                    : tweet.path("author_id").asText();
        }

        List<String> values(String entity, String field) {
            List<String> values = new ArrayList<>();
            tweet.path("entities").path(entity).forEach(item -> values.add(item.path(field).asText()));
            return values;
        }

        /** docs/collections.md: expanded links, media links (URL entities with a media key) left out. */
        List<String> links() {
            List<String> links = new ArrayList<>();
            for (JsonNode url : tweet.path("entities").path("urls")) {
                if (!url.has("media_key")) {
                    links.add(url.hasNonNull("expanded_url") ? url.path("expanded_url").asText()
                            : url.path("url").asText());
                }
            }
            return links;
        }

        JsonNode medium(String key) {
            for (JsonNode media : includes.path("media")) {
                if (media.path("media_key").asText().equals(key)) {
                    return media;
                }
            }
            return null;
        }

        String referenced(String type) {
            for (JsonNode reference : tweet.path("referenced_tweets")) {
                if (reference.path("type").asText().equals(type)) {
                    return reference.path("id").asText();
                }
            }
            return "";
        }
    }

    /**
     * Once for the class, before its first test: Camel's test listener starts the context before a test method,
     * not before {@code @BeforeAll} (and not at all for a per-class test instance).
     */
    @BeforeEach
    void collectAndSummariseOnce() throws Exception {
        if (collection != null) {
            assertThat(out).as("the collection was collected and summarised").isNotNull();
            return;
        }
        forget = () -> {
            own.forEach(tweet -> x.delete(tweet.id()));
            if (collection != null) {
                files.delete(collection.id());
            }
            jdbc.update("DELETE FROM collection");
            jdbc.update("DELETE FROM work_item");
            jdbc.update("DELETE FROM member");
            x.resetCounts();
        };
        Instant now = clock.instant();
        for (int i = 0; i < OWN_TEXTS.size(); i++) {
            own.add(x.post(XSimulator.SAM, OWN_TEXTS.get(i), now.minusSeconds(300 - 30L * i)));
        }
        Member ada = members.connect(ADA, XSimulator.SAM, now);
        collection = newCollections.start(ada.id(), QUERY, COUNT, null);
        assertThat(camel.requestBody("direct:collect-search", collection.id(), CollectOutcome.class).kind())
                .isEqualTo(CollectOutcome.Kind.COLLECTED);
        Path raw = files.tweets(collection.id());
        List<String> lines = Files.readAllLines(raw, StandardCharsets.UTF_8);
        pages = lines.size();
        // a resumed run may leave a page twice in the file (docs/collections.md: each post once, the first copy counts)
        copied = mapper.readTree(lines.get(1)).path("data").size();
        Files.writeString(raw, lines.get(1) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        jdbc.update("UPDATE collection SET data_length = ? WHERE id = ?", Files.size(raw), collection.id());

        summarisedFrom = clock.instant();
        camel.send("direct:summarize-collection",
                exchange -> exchange.setProperty(TweetflowExchange.COLLECTION_ID, collection.id()));
        summarisedUntil = clock.instant();
        assertThat(steps.overall(collection.id())).isEqualTo("summarised");
        out = files.summaries(collection.id());

        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(raw, StandardCharsets.UTF_8)) {
            JsonNode page = mapper.readTree(line);
            for (JsonNode tweet : page.path("data")) {
                rawIds.add(tweet.path("id").asText());
                if (seen.add(tweet.path("id").asText())) {
                    posts.add(new Post(tweet, page.path("includes")));
                }
            }
            for (JsonNode media : page.path("includes").path("media")) {
                if (media.hasNonNull("url") && !pictures.containsKey(media.path("url").asText())) {
                    pictures.put(media.path("url").asText(), fetch(media.path("url").asText()));
                }
            }
        }
    }

    @AfterAll
    static void forgetTheCollection() {
        forget.run();
    }

    @Test
    void theCollectionReachesTheVarietyOfTheCorpusOverSeveralPages() {
        assertThat(pages).isEqualTo(COUNT / 100);
        assertThat(posts).hasSize(COUNT);
        assertThat(posts).filteredOn(post -> !post.referenced("retweeted").isEmpty()).hasSizeGreaterThan(20);
        assertThat(posts).filteredOn(post -> !post.referenced("quoted").isEmpty()).isNotEmpty();
        assertThat(posts).filteredOn(post -> !post.referenced("replied_to").isEmpty()).isNotEmpty();
        assertThat(posts).filteredOn(post -> post.tweet().has("attachments")).hasSizeGreaterThan(5);
        assertThat(posts).filteredOn(post -> post.tweet().path("geo").has("place_id")).isNotEmpty();
        assertThat(posts).filteredOn(post -> !post.links().isEmpty()).hasSizeGreaterThan(20);
        assertThat(posts.stream().map(post -> post.tweet().path("lang").asText()).distinct())
                .contains("en", "de", "fr", "es", "ja");
        assertThat(posts.stream().map(Post::id)).containsAll(own.stream().map(Tweet::idString).toList());
    }

    @Test
    void hashtagCountsAreEveryPostsHashtagsLowercasedMostFirstThenByTag() throws IOException {
        assertThat(csv("count-hashtags.csv")).containsExactlyElementsOf(
                counts("hashtag", post -> post.values("hashtags", "tag").stream().map(
                        SandboxCollectionOutputsTest::lower).toList()));
        assertThat(csv("count-hashtags.csv")).as("mixed case counted as one").contains(
                List.of("tweetflowoutputs", Integer.toString(OWN_TEXTS.size())));
    }

    @Test
    void mentionCountsAreEveryMentionedUsernameLowercasedMostFirstThenByName() throws IOException {
        assertThat(csv("count-mentions.csv")).containsExactlyElementsOf(
                counts("username", post -> post.values("mentions", "username").stream().map(
                        SandboxCollectionOutputsTest::lower).toList()));
    }

    @Test
    void urlCountsAreTheExpandedLinksLeavingOutThePostsOwnPhotoLinks() throws IOException {
        List<List<String>> urls = csv("count-urls.csv");
        assertThat(urls).containsExactlyElementsOf(counts("url", Post::links));
        assertThat(urls).noneMatch(row -> row.get(0).startsWith("https://t.co/"));
    }

    @Test
    void domainCountsAreEachLinksHostLowercasedWithoutWww() throws IOException {
        assertThat(csv("count-domains.csv")).containsExactlyElementsOf(counts("domain", post -> post.links().stream()
                .map(link -> {
                    String host = URI.create(link).getHost().toLowerCase(Locale.ROOT);
                    return host.startsWith("www.") ? host.substring(4) : host;
                }).toList()));
    }

    @Test
    void hashtagEdgesLinkEachAuthorToEachOfItsHashtagsInFileOrder() throws IOException {
        List<List<String>> edges = new ArrayList<>();
        edges.add(List.of("user", "hashtag"));
        posts.forEach(post -> post.values("hashtags", "tag").forEach(tag -> edges.add(List.of(post.user(),
                lower(tag)))));
        assertThat(csv("edgelist-hashtags.csv")).containsExactlyElementsOf(edges);
    }

    @Test
    void mentionEdgesLinkEachAuthorToEachUserItMentionsInFileOrder() throws IOException {
        List<List<String>> edges = new ArrayList<>();
        edges.add(List.of("from_user", "to_user"));
        posts.forEach(post -> post.values("mentions", "username").forEach(username -> edges.add(
                List.of(post.user(), lower(username)))));
        assertThat(csv("edgelist-mentions.csv")).containsExactlyElementsOf(edges);
    }

    @Test
    void followerCountsAreEachAuthorsLastSeenFollowersMostFollowedFirst() throws IOException {
        Map<String, long[]> figures = lastSeenFigures();
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("user", "followers"));
        figures.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
                .forEach(e -> expected.add(List.of(e.getKey(), Long.toString(e.getValue()[0]))));
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(csv("count-followers.csv")).containsExactlyElementsOf(expected);
    }

    @Test
    void followRatiosAreFollowersOverFollowingToSixSignificantDigitsHighestFirst() throws IOException {
        Map<String, BigDecimal> expected = new HashMap<>();
        lastSeenFigures().forEach((user, figures) -> {
            if (figures[1] > 0) {
                expected.put(user, BigDecimal.valueOf(figures[0]).divide(BigDecimal.valueOf(figures[1]),
                        new MathContext(6, RoundingMode.HALF_UP)));
            }
        });
        List<List<String>> ratios = csv("follow-ratio.csv");

        assertThat(ratios.get(0)).containsExactly("user", "ratio");
        List<List<String>> rows = ratios.subList(1, ratios.size());
        assertThat(rows).extracting(row -> row.get(0)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get(1)).as("no exponent, no trailing zeros").matches("\\d+(\\.\\d*[1-9])?");
            assertThat(new BigDecimal(row.get(1))).as(row.get(0)).isEqualByComparingTo(expected.get(row.get(0)));
        });
        assertThat(rows).extracting(row -> row.get(0)).containsExactlyElementsOf(expected.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList());
    }

    @Test
    void retweetsAreTheHundredOriginalsRetweetedMostEachRetweetCountedForItsOriginal() throws IOException {
        Map<String, Long> retweets = new HashMap<>();
        posts.forEach(post -> {
            if (!post.referenced("retweeted").isEmpty()) {
                retweets.merge(post.referenced("retweeted"), 1L, Long::sum);
            }
        });
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("tweet_id", "count"));
        retweets.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(e -> Long.parseLong(e.getKey()))).limit(100)
                .forEach(e -> expected.add(List.of(e.getKey(), Long.toString(e.getValue()))));
        assertThat(expected.get(1).get(1)).as("a viral post retweeted several times").isNotEqualTo("1");
        assertThat(csv("retweets.csv")).containsExactlyElementsOf(expected);
    }

    @Test
    void mediaCountsArePhotosWithTheirUrlCountedPerPostAttachingThem() throws IOException {
        Map<List<String>, Long> photos = new HashMap<>();
        for (Post post : posts) {
            for (JsonNode key : post.tweet().path("attachments").path("media_keys")) {
                JsonNode media = post.medium(key.asText());
                if (media != null && media.path("type").asText().equals("photo")) {
                    photos.merge(List.of(key.asText(), media.path("url").asText()), 1L, Long::sum);
                }
            }
        }
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("media_key", "url", "count"));
        photos.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<List<String>, Long> e) -> -e.getValue())
                .thenComparing(e -> e.getKey().get(0)))
                .forEach(e -> expected.add(List.of(e.getKey().get(0), e.getKey().get(1), e.getValue().toString())));
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(csv("count-media.csv")).containsExactlyElementsOf(expected);
    }

    @Test
    void tweetIdsAreEveryPostOnceInFileOrderOneALine() throws IOException {
        assertThat(read("tweet-ids.txt")).isEqualTo(String.join("\n", posts.stream().map(Post::id).toList()) + "\n");
    }

    @Test
    void tweetsCsvHasOneRowPerPostInFileOrderWithEveryColumnFromThePost() throws IOException {
        List<List<String>> expected = new ArrayList<>();
        expected.add(TWEET_COLUMNS);
        posts.forEach(post -> expected.add(row(post)));
        List<List<String>> tweets = csv("tweets.csv");

        assertThat(tweets).hasSize(COUNT + 1);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(tweets.get(i)).as("row %d", i).containsExactlyElementsOf(expected.get(i));
        }
    }

    @Test
    void freeTextStartingLikeAFormulaGetsALeadingApostropheAndKeepsItsCommasQuotesAndLineBreaks()
            throws IOException {
        Map<String, List<String>> byId = new HashMap<>();
        csv("tweets.csv").forEach(row -> byId.put(row.get(0), row));
        for (int i = 0; i < own.size(); i++) {
            assertThat(byId.get(own.get(i).idString()).get(TWEET_COLUMNS.indexOf("text")))
                    .isEqualTo("'" + OWN_TEXTS.get(i));
        }
        assertThat(posts).filteredOn(post -> post.tweet().path("text").asText().startsWith("@"))
                .as("replies start with @").hasSizeGreaterThan(own.size())
                .allSatisfy(post -> assertThat(byId.get(post.id()).get(TWEET_COLUMNS.indexOf("text")))
                        .startsWith("'@"));
    }

    @Test
    void sampleIsAHundredDistinctRowsOfTweetsCsvOldestIdFirst() throws IOException {
        List<List<String>> tweets = csv("tweets.csv");
        List<List<String>> sample = csv("sample.csv");

        assertThat(sample.get(0)).isEqualTo(TWEET_COLUMNS);
        List<List<String>> rows = sample.subList(1, sample.size());
        assertThat(rows).hasSize(100).doesNotHaveDuplicates();
        assertThat(tweets.subList(1, tweets.size())).containsAll(rows);
        assertThat(rows).extracting(row -> Long.parseLong(row.get(0))).isSorted();
    }

    @Test
    void timelineCountsPostsPerUtcHourFromTheFirstToTheLastEmptyHoursAsZero() throws IOException {
        TreeMap<Instant, Long> perHour = new TreeMap<>();
        posts.forEach(post -> perHour.merge(Instant.parse(post.tweet().path("created_at").asText())
                .truncatedTo(ChronoUnit.HOURS), 1L, Long::sum));
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("hour", "count"));
        for (Instant hour = perHour.firstKey(); !hour.isAfter(perHour.lastKey()); hour = hour.plus(Duration.ofHours(1))) {
            expected.add(List.of(hour.toString(), Long.toString(perHour.getOrDefault(hour, 0L))));
        }
        assertThat(expected).as("empty hours among them").anyMatch(row -> row.get(1).equals("0"));
        assertThat(csv("timeline.csv")).containsExactlyElementsOf(expected);
    }

    @Test
    void userCountsArePostsPerAuthorKeyedByLowercasedUsername() throws IOException {
        assertThat(csv("count-users.csv")).containsExactlyElementsOf(counts("user", post -> List.of(post.user())));
    }

    @Test
    void languageCountsArePostsPerLang() throws IOException {
        assertThat(csv("count-languages.csv")).containsExactlyElementsOf(counts("lang", post ->
                post.tweet().hasNonNull("lang") ? List.of(post.tweet().path("lang").asText()) : List.of()));
    }

    @Test
    void summaryJsonNamesTheCollectionItsQueryItsPostsAndTheirTimeRange() throws IOException {
        JsonNode summary = mapper.readTree(out.resolve("summary.json").toFile());
        List<Instant> created = posts.stream().map(post -> Instant.parse(post.tweet().path("created_at").asText()))
                .sorted().toList();

        assertThat(summary.path("id").asText()).isEqualTo(Long.toString(collection.id()));
        assertThat(summary.path("query").asText()).isEqualTo(QUERY);
        assertThat(summary.path("num_tweets").asLong()).isEqualTo(posts.size());
        assertThat(Instant.parse(summary.path("date").asText())).isBetween(summarisedFrom, summarisedUntil);
        assertThat(Instant.parse(summary.path("first_tweet_at").asText())).isEqualTo(created.get(0));
        assertThat(Instant.parse(summary.path("last_tweet_at").asText())).isEqualTo(created.get(created.size() - 1));
    }

    @Test
    void mediaCsvListsEveryPhotoWithTheMd5AndPerceptualHashOfTheBytesTheSandboxServes() throws Exception {
        List<List<String>> photos = csv("count-media.csv");
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("media_key", "url", "count", "md5", "phash", "failure"));
        for (List<String> photo : photos.subList(1, photos.size())) {
            expected.add(List.of(photo.get(0), photo.get(1), photo.get(2), md5(pictures.get(photo.get(1))),
                    Long.toHexString(perceptualHash(photo.get(1))), ""));
        }
        assertThat(csv("media.csv")).containsExactlyElementsOf(expected);
    }

    @Test
    void mediaGraphHasEveryPhotoAsANodeAndGroupsCopiesAndNearPicturesAsEveryPairWithinTheThresholdWould() throws Exception {
        JsonNode graph = mapper.readTree(out.resolve("media-graph.json").toFile());
        List<List<String>> photos = csv("count-media.csv");
        photos = photos.subList(1, photos.size());
        List<List<String>> nodes = new ArrayList<>();
        Set<List<String>> links = new HashSet<>();
        Map<String, List<String>> firstCopies = new LinkedHashMap<>();
        for (List<String> photo : photos) {
            String md5 = md5(pictures.get(photo.get(1)));
            nodes.add(List.of(photo.get(0), photo.get(1), photo.get(2), md5));
            List<String> first = firstCopies.putIfAbsent(md5, photo);
            if (first != null) {
                links.add(link(first.get(0), photo.get(0), "0"));
            }
        }
        List<List<String>> distinct = new ArrayList<>(firstCopies.values());
        for (int i = 0; i < distinct.size(); i++) {
            for (int j = i + 1; j < distinct.size(); j++) {
                int distance = Long.bitCount(perceptualHash(distinct.get(i).get(1))
                        ^ perceptualHash(distinct.get(j).get(1)));
                if (distance <= NEAR) {
                    links.add(link(distinct.get(i).get(0), distinct.get(j).get(0), Integer.toString(distance)));
                }
            }
        }

        List<List<String>> graphNodes = new ArrayList<>();
        graph.path("nodes").forEach(node -> graphNodes.add(List.of(node.path("id").asText(),
                node.path("url").asText(), node.path("count").asText(), node.path("md5").asText())));
        List<List<String>> graphLinks = new ArrayList<>();
        graph.path("links").forEach(link -> graphLinks.add(link(link.path("source").asText(),
                link.path("target").asText(), link.path("distance").asText())));
        assertThat(graphNodes).containsExactlyInAnyOrderElementsOf(nodes);
        // a link only where it joins two groups: the same groups as every pair linked, one link fewer than photos each
        assertThat(links).containsAll(graphLinks);
        Set<Set<String>> groups = groups(graphLinks);
        assertThat(groups).isEqualTo(groups(links));
        assertThat(graphLinks).doesNotHaveDuplicates()
                .hasSize(groups.stream().mapToInt(group -> group.size() - 1).sum());
    }

    /** The photos the links join, directly or through others. */
    private static Set<Set<String>> groups(java.util.Collection<List<String>> links) {
        Map<String, Set<String>> groupOf = new HashMap<>();
        for (List<String> link : links) {
            Set<String> a = groupOf.computeIfAbsent(link.get(0), key -> new HashSet<>(Set.of(key)));
            Set<String> b = groupOf.computeIfAbsent(link.get(1), key -> new HashSet<>(Set.of(key)));
            if (a != b) {
                a.addAll(b);
                b.forEach(member -> groupOf.put(member, a));
            }
        }
        return new HashSet<>(groupOf.values());
    }

    /**
     * What the hash is for, judged without it ({@link #samePicture}): a link never joins two different pictures,
     * and a photo whose picture another photo shows too (the same bytes, or a re-encoded, brightened or cropped
     * copy) is linked to one of them.
     */
    @Test
    void mediaGraphLinksCopiesAndNearCopiesOfAPictureButNeverDifferentPictures() throws Exception {
        JsonNode graph = mapper.readTree(out.resolve("media-graph.json").toFile());
        Map<String, String> urls = new HashMap<>();
        csv("count-media.csv").stream().skip(1).forEach(photo -> urls.put(photo.get(0), photo.get(1)));
        Map<String, Set<String>> linked = new HashMap<>();
        graph.path("links").forEach(link -> {
            String source = link.path("source").asText();
            String target = link.path("target").asText();
            assertThat(samePicture(urls.get(source), urls.get(target)))
                    .as("%s and %s are linked but show different pictures", source, target).isTrue();
            linked.computeIfAbsent(source, key -> new HashSet<>()).add(target);
            linked.computeIfAbsent(target, key -> new HashSet<>()).add(source);
        });
        int nearCopies = 0;
        for (String photo : urls.keySet()) {
            List<String> copies = urls.keySet().stream().filter(other -> !other.equals(photo)
                    && samePicture(urls.get(photo), urls.get(other))).toList();
            if (!copies.isEmpty()) {
                assertThat(linked.getOrDefault(photo, Set.of())).as("%s is linked to a copy of its picture", photo)
                        .containsAnyElementsOf(copies);
            }
            nearCopies += (int) copies.stream().filter(other -> !md5(pictures.get(urls.get(photo)))
                    .equals(md5(pictures.get(urls.get(other))))).count();
        }
        assertThat(nearCopies).as("near copies (other bytes, the same picture) among the photos").isPositive();
    }

    @Test
    void bundleHoldsEveryOutputButTheRawPagesInNameOrder() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out.resolve("bundle.zip")))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                assertThat(zip.readAllBytes()).as(entry.getName())
                        .isEqualTo(Files.readAllBytes(out.resolve(entry.getName())));
            }
        }
        assertThat(names).containsExactlyElementsOf(OUTPUTS.stream().sorted().toList());
    }

    @Test
    void aPageTwiceInTheFileIsCountedOnce() throws IOException {
        assertThat(rawIds).as("a page twice in the file").hasSize(posts.size() + copied);
        assertThat(mapper.readTree(out.resolve("summary.json").toFile()).path("num_tweets").asLong())
                .isEqualTo(posts.size());
        assertThat(read("tweet-ids.txt").lines()).doesNotHaveDuplicates().hasSize(posts.size());
        assertThat(csv("count-users.csv").stream().skip(1).mapToLong(row -> Long.parseLong(row.get(1))).sum())
                .isEqualTo(posts.size());
    }

    // ------------------------------------------------------------------ the naive computations

    /** A link of media-graph.json as an unordered pair (docs/collections.md names no direction) and its distance. */
    private static List<String> link(String one, String other, String distance) {
        return one.compareTo(other) < 0 ? List.of(one, other, distance) : List.of(other, one, distance);
    }

    /** A key,count file as docs/collections.md sorts it: count descending, then key ascending (Java string order). */
    private List<List<String>> counts(String keyColumn, Function<Post, List<String>> keys) {
        Map<String, Long> counts = new HashMap<>();
        posts.forEach(post -> keys.apply(post).forEach(key -> counts.merge(key, 1L, Long::sum)));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(keyColumn, "count"));
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> rows.add(List.of(e.getKey(), Long.toString(e.getValue()))));
        assertThat(rows).as(keyColumn + " counts").hasSizeGreaterThan(3);
        return rows;
    }

    /** Each author's {followers, following}, the figures of the last post of theirs in the file. */
    private Map<String, long[]> lastSeenFigures() {
        Map<String, long[]> figures = new HashMap<>();
        for (Post post : posts) {
            JsonNode author = post.author();
            if (author != null && author.path("public_metrics").has("followers_count")) {
                figures.put(post.user(), new long[] {author.path("public_metrics").path("followers_count").asLong(),
                        author.path("public_metrics").path("following_count").asLong()});
            }
        }
        return figures;
    }

    /** tweets.csv's row for the post, column by column as docs/collections.md's table says. */
    private static List<String> row(Post post) {
        JsonNode tweet = post.tweet();
        JsonNode author = post.author();
        String username = author == null ? "" : author.path("username").asText();
        List<String> mediaUrls = new ArrayList<>();
        for (JsonNode key : tweet.path("attachments").path("media_keys")) {
            JsonNode media = post.medium(key.asText());
            if (media != null) {
                mediaUrls.add(media.path(media.path("type").asText().equals("photo") ? "url" : "preview_image_url")
                        .asText());
            }
        }
        List<String> mediaKeys = new ArrayList<>();
        tweet.path("attachments").path("media_keys").forEach(key -> mediaKeys.add(key.asText()));
        String placeId = tweet.path("geo").path("place_id").asText("");
        JsonNode place = null;
        for (JsonNode candidate : post.includes().path("places")) {
            if (candidate.path("id").asText().equals(placeId)) {
                place = candidate;
            }
        }
        JsonNode metrics = tweet.path("public_metrics");
        return List.of(post.id(), tweet.path("created_at").asText(), tweet.path("author_id").asText(), username,
                guarded(author == null ? "" : author.path("name").asText()), guarded(tweet.path("text").asText()),
                tweet.path("lang").asText(""), String.join(" ", post.values("hashtags", "tag")),
                String.join(" ", post.values("mentions", "username")), String.join(" ", post.links()),
                String.join(" ", mediaKeys), String.join(" ", mediaUrls), tweet.path("conversation_id").asText(""),
                tweet.path("in_reply_to_user_id").asText(""), post.referenced("replied_to"),
                post.referenced("retweeted"), post.referenced("quoted"), metrics.path("retweet_count").asText(""),
                metrics.path("reply_count").asText(""), metrics.path("like_count").asText(""),
                metrics.path("quote_count").asText(""), placeId,
                guarded(place == null ? "" : place.path("full_name").asText()),
                place == null ? "" : place.path("country_code").asText(), guarded(tweet.path("source").asText("")),
                username.isEmpty() ? "https://x.com/i/web/status/" + post.id()
                        : "https://x.com/" + username + "/status/" + post.id());
    }

    /** docs/collections.md: free text starting with = + - @ ', a tab or a carriage return gets a leading apostrophe. */
    private static String guarded(String text) {
        return !text.isEmpty() && "=+-@'\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * docs/collections.md's perceptual hash: luminance (299 R + 587 G + 114 B) averaged over 32×32 areas (pixel (x, y) in column
     * ⌊32x/width⌋, row ⌊32y/height⌋); F(u, v) = Σ_y Σ_x grey(x, y) cos((2x + 1)uπ/64) cos((2y + 1)vπ/64) for
     * u, v &lt; 8; one bit per frequency, u by u then v by v, most significant first: 1 above the median of the 63
     * frequencies other than (0, 0), whose bit is 0.
     */
    private static long perceptualHash(String url) {
        return hashes.computeIfAbsent(url, key -> perceptualHash(picture(key)));
    }

    private static long perceptualHash(BufferedImage image) {
        long[][] sums = new long[32][32];
        long[][] pixels = new long[32][32];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int row = 32 * y / image.getHeight();
                int column = 32 * x / image.getWidth();
                sums[row][column] += 299L * (rgb >> 16 & 0xff) + 587L * (rgb >> 8 & 0xff) + 114L * (rgb & 0xff);
                pixels[row][column]++;
            }
        }
        double[] frequencies = new double[64];
        for (int u = 0; u < 8; u++) {
            for (int v = 0; v < 8; v++) {
                double f = 0;
                for (int y = 0; y < 32; y++) {
                    double row = 0;
                    for (int x = 0; x < 32; x++) {
                        row += sums[y][x] / (1000.0 * pixels[y][x]) * Math.cos((2 * x + 1) * u * Math.PI / 64);
                    }
                    f += row * Math.cos((2 * y + 1) * v * Math.PI / 64);
                }
                frequencies[8 * u + v] = f;
            }
        }
        double[] others = java.util.Arrays.copyOfRange(frequencies, 1, 64);
        java.util.Arrays.sort(others);
        long hash = 0;
        for (int i = 0; i < 64; i++) {
            hash = hash << 1 | (i > 0 && frequencies[i] > others[31] ? 1 : 0);
        }
        return hash;
    }

    /**
     * Whether two pictures show the same thing, judged without any hash: once each is shrunk to 48×32 grey areas
     * and its mean brightness taken away, at least 70 % of the areas are within 10 grey levels of the other's. The
     * sandbox's copies (re-encoded with noise, brightened, cropped by 3 %) score 78 % and more, its different
     * motifs 60 % and less.
     */
    private static boolean samePicture(String a, String b) {
        double[] left = thumbnails.computeIfAbsent(a, url -> thumbnail(picture(url)));
        double[] right = thumbnails.computeIfAbsent(b, url -> thumbnail(picture(url)));
        int close = 0;
        for (int i = 0; i < left.length; i++) {
            if (Math.abs(left[i] - right[i]) < 10) {
                close++;
            }
        }
        return close >= 0.7 * left.length;
    }

    private static double[] thumbnail(BufferedImage image) {
        int width = 48;
        int height = 32;
        double[] grey = new double[width * height];
        int[] pixels = new int[width * height];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int area = (height * y / image.getHeight()) * width + width * x / image.getWidth();
                grey[area] += 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                pixels[area]++;
            }
        }
        double mean = 0;
        for (int i = 0; i < grey.length; i++) {
            grey[i] /= pixels[i];
            mean += grey[i] / grey.length;
        }
        for (int i = 0; i < grey.length; i++) {
            grey[i] -= mean;
        }
        return grey;
    }

    private static BufferedImage picture(String url) {
        try {
            return ImageIO.read(new ByteArrayInputStream(pictures.get(url)));
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ reading the outputs

    private String read(String file) throws IOException {
        return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
    }

    /** An output as RFC 4180 records (docs/collections.md): each ends in CRLF; a quoted field may hold , " (doubled) and breaks. */
    private List<List<String>> csv(String file) throws IOException {
        String text = read(file);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            StringBuilder field = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    assertThat(i).as("%s: a quoted field is closed", file).isLessThan(text.length());
                    char c = text.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
            } else {
                while (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    assertThat(text.charAt(i)).as("%s: a quote only in a quoted field", file).isNotEqualTo('"');
                    field.append(text.charAt(i++));
                }
            }
            record.add(field.toString());
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            } else {
                assertThat(text.startsWith("\r\n", i)).as("%s: record %d ends in CRLF", file, records.size() + 1)
                        .isTrue();
                i += 2;
                records.add(List.copyOf(record));
                record.clear();
            }
        }
        assertThat(record).as("%s: the last record ends in CRLF", file).isEmpty();
        return records;
    }
}
