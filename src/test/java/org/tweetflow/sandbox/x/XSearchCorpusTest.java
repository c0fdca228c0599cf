package org.tweetflow.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tweetflow.sandbox.SandboxHttp.enc;
import static org.tweetflow.sandbox.SandboxHttp.json;
import static org.tweetflow.sandbox.x.XSimulator.SAM;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.sandbox.SandboxHttp;
import org.tweetflow.sandbox.SandboxTest;

/**
 * The search corpus as a collection meets it over HTTP: a few thousand varied posts of the last seven days, found by
 * X's operators, rendered with the asked-for fields and includes, paged to the end, and pictures behind the photos.
 */
@SandboxTest
class XSearchCorpusTest {

    static final String FIELDS = "&tweet.fields=author_id,created_at,lang,referenced_tweets,attachments,entities,geo,"
            + "in_reply_to_user_id,public_metrics,source&expansions=author_id,attachments.media_keys,"
            + "referenced_tweets.id,geo.place_id&user.fields=public_metrics,created_at&media.fields=url,width,height"
            + "&place.fields=country_code";
    static final String ANA = SearchCorpus.authorId(0);

    @Autowired
    XSimulator sim;

    @Autowired
    XApi x;

    @Autowired
    SandboxHttp http;

    // ------------------------------------------------------------------ the corpus

    @Test
    void corpusHoldsAFewThousandVariedPostsOfItsOwnAccounts() {
        List<Tweet> corpus = new ArrayList<>();
        for (int i = 0; i < SearchCorpus.AUTHORS; i++) {
            corpus.addAll(sim.posts(SearchCorpus.authorId(i)));
        }
        assertThat(corpus).hasSize(SearchCorpus.POSTS);
        assertThat(corpus).allMatch(t -> t.createdAt().isAfter(sim.createdAt().minus(Duration.ofDays(7))));
        assertThat(count(corpus, t -> kind(t).equals("retweeted"))).isBetween(400, 800);
        assertThat(count(corpus, t -> kind(t).equals("quoted"))).isBetween(200, 400);
        assertThat(count(corpus, t -> kind(t).equals("replied_to"))).isBetween(250, 500);
        assertThat(count(corpus, t -> !t.mediaKeys().isEmpty())).isBetween(200, 500);
        assertThat(count(corpus, t -> t.placeId() != null)).isBetween(40, 150);
        assertThat(corpus.stream().map(Tweet::lang).distinct()).contains("en", "de", "fr", "es", "ja");
        assertThat(corpus.stream().map(Tweet::source).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(corpus).filteredOn(t -> kind(t).equals("retweeted")).allSatisfy(t -> {
            Tweet original = sim.tweet(t.referencedTweets().get(0).id()).orElseThrow();
            String author = sim.account(original.authorId()).orElseThrow().username();
            assertThat(t.text()).isEqualTo("RT @" + author + ": " + original.text());
        });
    }

    @Test
    void demoAccountsKeepTheirPosts() {
        assertThat(sim.tweetCount(XSimulator.SANDY)).isEqualTo(DemoData.SANDY_POSTS + 9);
        assertThat(sim.tweetCount(XSimulator.SAM)).isEqualTo(40);
        assertThat(sim.tweetCount(XSimulator.EMMA)).isZero();
        assertThat(sim.tweetCount(XSimulator.VETERAN)).isEqualTo(DemoData.VETERAN_POSTS);
        assertThat(sim.demoAccounts()).extracting(XSimulator.Account::username)
                .containsExactly("sandy_archivist", "small_sam", "empty_emma", "veteran_vera");
    }

    @Test
    void aFewHashtagsDominateALongTail() throws Exception {
        int climate = collect("#climate").size();
        int opendata = collect("#opendata").size();
        int gis = collect("#gis").size();
        assertThat(climate).isGreaterThan(300);
        assertThat(opendata).isGreaterThan(200);
        assertThat(gis).isPositive().isLessThan(climate / 10);
    }

    @Test
    void linksLeadToSeveralSitesAndSomePagesAreShared() throws Exception {
        Map<String, Integer> pages = new HashMap<>();
        for (JsonNode t : collect("url:\"https://t.co\" -is:retweet")) {
            for (JsonNode u : t.at("/entities/urls")) {
                pages.merge(u.path("expanded_url").asText(), 1, Integer::sum);
            }
        }
        Set<String> domains = new HashSet<>();
        pages.keySet().forEach(u -> domains.add(u.replaceFirst("^https://([^/]+)/.*$", "$1")));
        assertThat(domains).contains("github.com", "www.nature.com", "www.zeit.de", "www3.nhk.or.jp", "x.com");
        assertThat(pages.values().stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(10);
    }

    // ------------------------------------------------------------------ operators

    /** Each filter splits a search in two: the posts it keeps and those its negation keeps, both as it says. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"is:retweet", "is:reply", "is:quote", "has:media", "has:images", "has:links",
            "has:mentions", "has:hashtags", "has:geo", "lang:de", "is:verified"})
    void aFilterAndItsNegationSplitTheSearch(String filter) throws Exception {
        String base = "(data OR datos OR donnees OR daten OR open OR #climate)";
        List<JsonNode> all = collect(base);
        List<JsonNode> kept = collect(base + " " + filter);
        List<JsonNode> rest = collect(base + " -" + filter);
        assertThat(kept).isNotEmpty();
        assertThat(rest).isNotEmpty();
        assertThat(kept.size() + rest.size()).isEqualTo(all.size());
        Predicate<JsonNode> says = switch (filter) {
            case "is:retweet" -> t -> refType(t).equals("retweeted") && t.path("text").asText().startsWith("RT @");
            case "is:reply" -> t -> refType(t).equals("replied_to") && t.has("in_reply_to_user_id");
            case "is:quote" -> t -> refType(t).equals("quoted");
            case "has:media", "has:images" -> t -> t.at("/attachments/media_keys").size() > 0;
            case "has:links" -> t -> t.at("/entities/urls").size() > 0;
            case "has:mentions" -> t -> t.at("/entities/mentions").size() > 0;
            case "has:hashtags" -> t -> t.at("/entities/hashtags").size() > 0;
            case "has:geo" -> t -> t.at("/geo/place_id").isTextual();
            case "lang:de" -> t -> t.path("lang").asText().equals("de");
            case "is:verified" -> t -> sim.account(t.path("author_id").asText()).orElseThrow().verified();
            default -> throw new IllegalArgumentException(filter);
        };
        assertThat(kept).allMatch(says);
        assertThat(rest).noneMatch(says);
    }

    @Test
    void hashtagsMentionsAuthorsAndRepliesAreFoundByTheirOperators() throws Exception {
        assertThat(collect("#opendata")).isNotEmpty().allMatch(t -> values(t, "hashtags", "tag").contains("opendata"));
        assertThat(collect("@ana_moreau")).isNotEmpty()
                .allMatch(t -> values(t, "mentions", "username").contains("ana_moreau"));
        assertThat(collect("from:ana_moreau")).isNotEmpty().allMatch(t -> t.path("author_id").asText().equals(ANA));
        assertThat(collect("from:" + ANA)).hasSameSizeAs(collect("from:ana_moreau"));
        assertThat(collect("to:ana_moreau")).isNotEmpty()
                .allMatch(t -> t.path("in_reply_to_user_id").asText().equals(ANA));
        assertThat(collect("retweets_of:ana_moreau")).isNotEmpty()
                .allMatch(t -> t.path("text").asText().startsWith("RT @ana_moreau: "));
        assertThat(collect("url:github")).isNotEmpty().allMatch(t -> t.at("/entities/urls").findValuesAsText(
                "expanded_url").stream().anyMatch(u -> u.startsWith("https://github.com/")));
        assertThat(collect("place_country:JP")).isNotEmpty()
                .allMatch(t -> sim.place(t.at("/geo/place_id").asText()).orElseThrow().countryCode().equals("JP"));
    }

    @Test
    void keywordsAndPhrasesMatchWholeWordsIgnoringCaseAndAccents() throws Exception {
        assertThat(collect("\"open data\"")).isNotEmpty()
                .allMatch(t -> t.path("text").asText().toLowerCase().contains("open data"));
        assertThat(collect("DONNEES")).isNotEmpty().allMatch(t -> t.path("text").asText().contains("données"));
        assertThat(collect("データ lang:ja")).isNotEmpty().allMatch(t -> t.path("text").asText().contains("データ"));
        assertThat(collect("clim")).as("a keyword is a whole word").isEmpty();
    }

    @Test
    void orAndParenthesesCombineAsXDocumentsThem() throws Exception {
        int climate = collect("#climate").size();
        int opendata = collect("#opendata").size();
        int both = collect("#climate #opendata").size();
        assertThat(both).isPositive();
        assertThat(collect("#climate OR #opendata")).hasSize(climate + opendata - both);
        // AND binds before OR: "a OR b c" is "a OR (b c)"
        assertThat(collect("#opendata OR #climate lang:fr")).hasSameSizeAs(collect("#opendata OR (#climate lang:fr)"));
        assertThat(collect("(#opendata OR #climate) lang:fr").size())
                .isLessThan(collect("#opendata OR (#climate lang:fr)").size());
    }

    // ------------------------------------------------------------------ fields and includes

    @Test
    void includesCarryAuthorsMediaReferencedPostsAndPlaces() throws Exception {
        JsonNode page = json(x.search(SAM, "max_results=100&query=" + enc("#climate (has:images OR is:retweet OR "
                + "has:geo)") + FIELDS));
        JsonNode includes = page.path("includes");
        assertThat(includes.path("users")).isNotEmpty().allSatisfy(u -> {
            assertThat(u.at("/public_metrics/followers_count").isInt()).isTrue();
            assertThat(u.path("created_at").asText()).isNotEmpty();
        });
        assertThat(includes.path("media")).isNotEmpty().allSatisfy(m -> {
            assertThat(m.path("type").asText()).isEqualTo("photo");
            assertThat(m.path("url").asText()).startsWith(http.local("/sandbox/x/media/").toString()).endsWith(".jpg");
        });
        Set<String> referenced = new HashSet<>();
        page.path("data").forEach(t -> t.path("referenced_tweets").forEach(r -> referenced.add(r.path("id").asText())));
        assertThat(includes.path("tweets").findValuesAsText("id")).containsAll(referenced);
        assertThat(includes.path("places")).isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("country_code").asText()).hasSize(2));
    }

    // ------------------------------------------------------------------ paging

    @Test
    void pagesToTheEndAndSinceIdReturnsOnlyNewerPosts() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)).truncatedTo(
                ChronoUnit.SECONDS);
        String window = "&start_time=" + start;
        Pattern climate = Pattern.compile("#climate(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE);
        List<String> expected = sim.recentTweets(start).stream().filter(t -> climate.matcher(t.text()).find())
                .map(Tweet::idString).toList();

        List<String> ids = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = json(x.search(SAM, "max_results=100&query=" + enc("#climate") + window
                    + (next == null ? "" : "&next_token=" + next)));
            JsonNode data = page.path("data");
            JsonNode meta = page.path("meta");
            assertThat(meta.path("result_count").asInt()).isEqualTo(data.size()).isLessThanOrEqualTo(100);
            assertThat(meta.path("newest_id").asText()).isEqualTo(data.get(0).path("id").asText());
            assertThat(meta.path("oldest_id").asText()).isEqualTo(data.get(data.size() - 1).path("id").asText());
            data.forEach(t -> ids.add(t.path("id").asText()));
            next = meta.path("next_token").isMissingNode() ? null : meta.path("next_token").asText();
            pages++;
        } while (next != null);
        assertThat(pages).isGreaterThan(5);
        assertThat(ids).doesNotHaveDuplicates().isEqualTo(expected);

        String middle = ids.get(ids.size() / 2);
        List<String> newer = collect("#climate", "&since_id=" + middle).stream().map(t -> t.path("id").asText())
                .toList();
        assertThat(newer).isEqualTo(ids.subList(0, ids.size() / 2));
        List<String> older = collect("#climate", "&until_id=" + middle).stream().map(t -> t.path("id").asText())
                .toList();
        assertThat(older).containsAll(ids.subList(ids.size() / 2 + 1, ids.size()));

        JsonNode none = json(x.search(SAM, "query=" + enc("#climate") + "&since_id=" + ids.get(0)));
        assertThat(none.has("data")).isFalse();
        assertThat(none.path("meta").path("result_count").asInt()).isZero();
    }

    @Test
    void maxResultsIsTenToOneHundred() throws Exception {
        assertThat(x.search(SAM, "query=climate&max_results=101").statusCode()).isEqualTo(400);
        assertThat(x.search(SAM, "query=climate&max_results=9").statusCode()).isEqualTo(400);
        assertThat(json(x.search(SAM, "query=" + enc("#climate") + "&max_results=100")).path("data")).hasSize(100);
        assertThat(json(x.search(SAM, "query=" + enc("#climate"))).path("data")).hasSize(10);
    }

    // ------------------------------------------------------------------ pictures

    @Test
    void servesThePicturesSomeIdenticalSomeNearlySo() throws Exception {
        Map<DemoPhoto, String> byPicture = new HashMap<>();
        String twin = null;
        String first = null;
        for (long n = 0; n < 500 && twin == null; n++) {
            String key = "3_" + (SearchCorpus.FIRST_MEDIA + n);
            DemoPhoto photo = sim.photo(key).orElseThrow();
            String earlier = byPicture.putIfAbsent(photo, key);
            if (earlier != null && photo.variant() == DemoPhoto.Variant.PLAIN) {
                first = earlier;
                twin = key;
            }
        }
        assertThat(twin).as("two photos share a plain picture").isNotNull();
        DemoPhoto shared = sim.photo(first).orElseThrow();
        byte[] a = picture(first);
        assertThat(picture(twin)).isEqualTo(a);

        for (DemoPhoto.Variant variant : List.of(DemoPhoto.Variant.NOISY, DemoPhoto.Variant.CROPPED,
                DemoPhoto.Variant.BRIGHTER)) {
            byte[] near = new DemoPhoto(shared.motif(), variant).jpeg();
            assertThat(near).isNotEqualTo(a);
            assertThat(Long.bitCount(differenceHash(near) ^ differenceHash(a))).as(variant.name()).isLessThanOrEqualTo(8);
        }
        byte[] other = new DemoPhoto((shared.motif() + 1) % SearchCorpus.MOTIFS, DemoPhoto.Variant.PLAIN).jpeg();
        assertThat(Long.bitCount(differenceHash(other) ^ differenceHash(a))).isGreaterThan(12);

        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(http.local("/sandbox/x/media/3_1.jpg"))
                .build());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private byte[] picture(String key) throws Exception {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(http.local("/sandbox/x/media/" + key + ".jpg"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(answer.body())).getWidth()).isEqualTo(DemoPhoto.WIDTH);
        return answer.body();
    }

    /** A 64-bit difference hash: the picture as 9x8 block means of grey, each block brighter than the next or not. */
    private static long differenceHash(byte[] jpeg) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        double[][] grey = new double[8][9];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey[y * 8 / image.getHeight()][x * 9 / image.getWidth()] += ((rgb >> 16) & 0xFF) * 0.299
                        + ((rgb >> 8) & 0xFF) * 0.587 + (rgb & 0xFF) * 0.114;
            }
        }
        long hash = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                hash = (hash << 1) | (grey[y][x] > grey[y][x + 1] ? 1 : 0);
            }
        }
        return hash;
    }

    // ------------------------------------------------------------------ helpers

    private List<JsonNode> collect(String query) throws Exception {
        return collect(query, "");
    }

    /** Every post the query finds, newest first, page by page with next_token until there is none. */
    private List<JsonNode> collect(String query, String extra) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> answer = x.search(SAM, "max_results=100&query=" + enc(query) + FIELDS + extra
                    + (next == null ? "" : "&next_token=" + next));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode page = json(answer);
            page.path("data").forEach(out::add);
            next = page.at("/meta/next_token").isMissingNode() ? null : page.at("/meta/next_token").asText();
        } while (next != null);
        return out;
    }

    private static Set<String> values(JsonNode t, String entity, String key) {
        Set<String> out = new HashSet<>();
        t.path("entities").path(entity).forEach(e -> out.add(e.path(key).asText().toLowerCase()));
        return out;
    }

    private static String refType(JsonNode t) {
        return t.path("referenced_tweets").path(0).path("type").asText();
    }

    private static String kind(Tweet t) {
        return t.referencedTweets().isEmpty() ? "" : t.referencedTweets().get(0).type();
    }

    private static int count(List<Tweet> posts, Predicate<Tweet> p) {
        return (int) posts.stream().filter(p).count();
    }
}
