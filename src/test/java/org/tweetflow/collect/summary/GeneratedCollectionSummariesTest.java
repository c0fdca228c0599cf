package org.tweetflow.collect.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tweetflow.collect.summary.GeneratedCollection.Media;
import org.tweetflow.collect.summary.GeneratedCollection.Post;

/**
 * Property-style: a few thousand random posts (seeded) written as pages, some pages twice; every output compared
 * with what a naive in-memory computation over the generated posts (not over the JSON) says it must be.
 */
class GeneratedCollectionSummariesTest {

    static final int POSTS = 4_000;

    @TempDir
    static Path dir;
    static List<Post> posts = new ArrayList<>();
    static SummaryResult result;
    static long pages;

    @BeforeAll
    static void summariseAGeneratedCollection() throws IOException {
        Path file = dir.resolve("tweets.jsonl");
        pages = new GeneratedCollection(20261130L, 600).write(file, POSTS, 100, 7, posts::add);
        result = new SummaryRunner(SummaryFixture.MAPPER).run(file, dir.resolve("out"),
                new Summaries(SummaryFixture.COLLECTION, SummaryFixture.NOW, 99).all(), progress -> { });
    }

    @Test
    void everyPostIsSummarisedOnceThoughSomePagesAreThereTwice() throws IOException {
        assertThat(posts).hasSize(POSTS);
        assertThat(result.pages()).isEqualTo(pages).isGreaterThan(POSTS / 100);
        assertThat(result.posts()).isEqualTo(POSTS);
        assertThat(result.duplicates()).isEqualTo((pages - POSTS / 100) * 100);
        assertThat(read("tweet-ids.txt")).isEqualTo(posts.stream().map(post -> post.id() + "\n")
                .collect(Collectors.joining()));
    }

    @Test
    void keyCountsMatchNaiveCounts() throws IOException {
        assertThat(read("count-hashtags.csv")).isEqualTo(counts("hashtag", post -> post.hashtags().stream()
                .map(GeneratedCollectionSummariesTest::lower).toList()));
        assertThat(read("count-mentions.csv")).isEqualTo(counts("username", post -> post.mentions().stream()
                .map(GeneratedCollectionSummariesTest::lower).toList()));
        assertThat(read("count-urls.csv")).isEqualTo(counts("url", Post::urls));
        assertThat(read("count-domains.csv")).isEqualTo(counts("domain", post -> post.urls().stream()
                .map(GeneratedCollectionSummariesTest::domainByUri).toList()));
        assertThat(read("count-users.csv")).isEqualTo(counts("user", post -> List.of(user(post))));
        assertThat(read("count-languages.csv")).isEqualTo(counts("lang", post -> post.lang() == null ? List.of()
                : List.of(post.lang())));
    }

    @Test
    void edgeListsMatchEveryOccurrenceInOrder() throws IOException {
        StringBuilder hashtags = new StringBuilder("user,hashtag\r\n");
        StringBuilder mentions = new StringBuilder("from_user,to_user\r\n");
        for (Post post : posts) {
            post.hashtags().forEach(tag -> hashtags.append(user(post)).append(',').append(lower(tag)).append("\r\n"));
            post.mentions().forEach(to -> mentions.append(user(post)).append(',').append(lower(to)).append("\r\n"));
        }
        assertThat(read("edgelist-hashtags.csv")).isEqualTo(hashtags.toString());
        assertThat(read("edgelist-mentions.csv")).isEqualTo(mentions.toString());
    }

    @Test
    void followersAndRatiosAreTheLastSeenFigures() throws IOException {
        Map<String, long[]> last = new HashMap<>();
        for (Post post : posts) {
            if (post.author().included()) {
                last.put(user(post), new long[] {post.followers(), post.author().following()});
            }
        }
        List<Map.Entry<String, long[]>> byFollowers = new ArrayList<>(last.entrySet());
        byFollowers.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        StringBuilder followers = new StringBuilder("user,followers\r\n");
        byFollowers.forEach(e -> followers.append(e.getKey()).append(',').append(e.getValue()[0]).append("\r\n"));
        assertThat(read("count-followers.csv")).isEqualTo(followers.toString());

        // ratios compared as numbers (6 significant digits), order by the exact fraction
        List<Map.Entry<String, long[]>> byRatio = new ArrayList<>(last.entrySet().stream()
                .filter(e -> e.getValue()[1] > 0).toList());
        byRatio.sort((a, b) -> {
            int order = Long.compare(b.getValue()[0] * a.getValue()[1], a.getValue()[0] * b.getValue()[1]);
            return order != 0 ? order : a.getKey().compareTo(b.getKey());
        });
        String[] lines = read("follow-ratio.csv").split("\r\n");
        assertThat(lines[0]).isEqualTo("user,ratio");
        assertThat(lines).hasSize(byRatio.size() + 1);
        for (int i = 0; i < byRatio.size(); i++) {
            String[] row = lines[i + 1].split(",");
            long[] figures = byRatio.get(i).getValue();
            assertThat(row[0]).isEqualTo(byRatio.get(i).getKey());
            assertThat(new BigDecimal(row[1])).isEqualByComparingTo(new BigDecimal(figures[0])
                    .divide(new BigDecimal(figures[1]), new MathContext(6, RoundingMode.HALF_UP)));
        }
        assertThat(lines.length).isGreaterThan(100);
    }

    @Test
    void topRetweetsCountRetweetsOfEachOriginal() throws IOException {
        Map<Long, Long> retweets = posts.stream().filter(post -> post.retweetOf() != null)
                .collect(Collectors.groupingBy(Post::retweetOf, Collectors.counting()));
        StringBuilder expected = new StringBuilder("tweet_id,count\r\n");
        retweets.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(100)
                .forEach(e -> expected.append(e.getKey()).append(',').append(e.getValue()).append("\r\n"));
        assertThat(retweets.size()).isGreaterThan(100);
        assertThat(read("retweets.csv")).isEqualTo(expected.toString());
    }

    @Test
    void photoCountsLeaveOutVideos() throws IOException {
        Map<Media, Long> photos = posts.stream().flatMap(post -> post.media().stream())
                .filter(media -> media.type().equals("photo"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        StringBuilder expected = new StringBuilder("media_key,url,count\r\n");
        photos.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<Media, Long> e) -> -e.getValue())
                .thenComparing(e -> e.getKey().key())).forEach(e -> expected.append(e.getKey().key()).append(',')
                .append(e.getKey().url()).append(',').append(e.getValue()).append("\r\n"));
        assertThat(read("count-media.csv")).isEqualTo(expected.toString());
    }

    @Test
    void timelineCountsEveryHourFromFirstToLast() throws IOException {
        TreeMap<Instant, Long> perHour = posts.stream().collect(Collectors.groupingBy(
                post -> post.createdAt().truncatedTo(ChronoUnit.HOURS), TreeMap::new, Collectors.counting()));
        StringBuilder expected = new StringBuilder("hour,count\r\n");
        for (Instant hour = perHour.firstKey(); !hour.isAfter(perHour.lastKey()); hour = hour.plus(1,
                ChronoUnit.HOURS)) {
            expected.append(hour).append(',').append(perHour.getOrDefault(hour, 0L)).append("\r\n");
        }
        assertThat(read("timeline.csv")).isEqualTo(expected.toString());
    }

    @Test
    void tweetsCsvHasTheExpectedRowForEveryPost() throws IOException {
        StringBuilder expected = new StringBuilder(String.join(",", TweetRow.COLUMNS)).append("\r\n");
        for (Post post : posts) {
            expected.append(csvRow(row(post))).append("\r\n");
        }
        assertThat(read("tweets.csv")).isEqualTo(expected.toString());
    }

    @Test
    void sampleIsAHundredDistinctRowsOfTweetsCsvOldestFirst() throws IOException {
        List<String> all = posts.stream().map(post -> csvRow(row(post))).toList();
        List<String> sample = List.of(read("sample.csv").split("\r\n"));
        assertThat(sample.get(0)).isEqualTo(String.join(",", TweetRow.COLUMNS));
        List<String> rows = sample.subList(1, sample.size());
        assertThat(rows).hasSize(TweetSample.SIZE).doesNotHaveDuplicates().isSubsetOf(all);
        List<Long> ids = rows.stream().map(row -> Long.parseLong(row.substring(0, row.indexOf(',')))).toList();
        assertThat(ids).isSorted();
    }

    @Test
    void summaryJsonCountsThePostsAndTheirTimeRange() throws IOException {
        JsonNode summary = SummaryFixture.MAPPER.readTree(read("summary.json"));
        assertThat(summary.path("num_tweets").asLong()).isEqualTo(POSTS);
        assertThat(summary.path("first_tweet_at").asText()).isEqualTo(posts.stream().map(Post::createdAt)
                .min(Comparator.naturalOrder()).orElseThrow().toString());
        assertThat(summary.path("last_tweet_at").asText()).isEqualTo(posts.stream().map(Post::createdAt)
                .max(Comparator.naturalOrder()).orElseThrow().toString());
        assertThat(summary.path("id").asText()).isEqualTo("c-42");
    }

    private static String read(String file) throws IOException {
        return Files.readString(dir.resolve("out").resolve(file), StandardCharsets.UTF_8);
    }

    /** key,count lines, most first then by key, from every key every post yields. */
    private static String counts(String column, Function<Post, List<String>> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        posts.forEach(post -> keys.apply(post).forEach(key -> counts.merge(key, 1L, Long::sum)));
        StringBuilder csv = new StringBuilder(column + ",count\r\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> csv.append(csvRow(List.of(e.getKey(), e.getValue().toString()))).append("\r\n"));
        return csv.toString();
    }

    private static String user(Post post) {
        return post.author().included() ? lower(post.author().username()) : post.author().id();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String domainByUri(String url) {
        String host = lower(URI.create(url).getHost());
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static List<String> row(Post post) {
        boolean included = post.author().included();
        String username = included ? post.author().username() : "";
        long[] m = post.metrics();
        return List.of(Long.toString(post.id()), post.createdAt().toString().replace("Z", ".000Z"),
                post.author().id(), username, included ? post.author().name() : "", post.text(),
                post.lang() == null ? "" : post.lang(), String.join(" ", post.hashtags()),
                String.join(" ", post.mentions()), String.join(" ", post.urls()),
                post.media().stream().map(Media::key).collect(Collectors.joining(" ")),
                post.media().stream().map(Media::url).collect(Collectors.joining(" ")), Long.toString(post.id()),
                post.replyToUser() == null ? "" : post.replyToUser(), text(post.replyTo()), text(post.retweetOf()),
                text(post.quoteOf()), Long.toString(m[0]), Long.toString(m[1]), Long.toString(m[2]),
                Long.toString(m[3]), post.place() == null ? "" : post.place().id(),
                post.place() == null ? "" : post.place().fullName(),
                post.place() == null ? "" : post.place().countryCode(), post.source(),
                included ? "https://x.com/" + username + "/status/" + post.id()
                        : "https://x.com/i/web/status/" + post.id());
    }

    private static String text(Long id) {
        return id == null ? "" : id.toString();
    }

    /** RFC 4180 the plain way: quote a field with a comma, quote or line break, doubling its quotes. */
    private static String csvRow(List<String> fields) {
        return fields.stream().map(field -> field.matches("(?s).*[,\"\r\n].*")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field).collect(Collectors.joining(","));
    }
}
