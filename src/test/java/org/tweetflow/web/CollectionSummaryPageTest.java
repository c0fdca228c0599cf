package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.collect.CollectOutcome;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.CollectionSteps;
import org.tweetflow.collect.MediaOverview;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A collection collected from the sandbox and summarised, then its page: the charts show what the test counts on its
 * own from the raw pages (each post once), and only the owner sees them.
 */
@TweetflowTest
@AutoConfigureMockMvc
class CollectionSummaryPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConnectedMembers members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    CollectionFiles files;
    @Autowired
    CollectionSteps steps;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void theChartsShowTheTopHashtagsMentionsDomainsRetweetsAndHoursCountedFromTheRawPosts() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Collection collection = collectedAndSummarised(ada, "#climate", 400);
        List<JsonNode> posts = posts(collection);
        assertThat(posts).hasSize(400);

        Document page = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());

        Map<String, String> hashtags = top(count(posts, (post, sink) -> post.path("entities").path("hashtags")
                .forEach(h -> sink.add(h.path("tag").asText().toLowerCase(Locale.ROOT)))), "#");
        assertThat(hashtags).hasSize(25).containsKey("#climate");
        assertThat(bars(page, "hashtags")).containsExactlyEntriesOf(hashtags);
        Map<String, String> mentions = top(count(posts, (post, sink) -> post.path("entities").path("mentions")
                .forEach(m -> sink.add(m.path("username").asText().toLowerCase(Locale.ROOT)))), "@");
        assertThat(mentions).hasSize(25);
        assertThat(bars(page, "mentions")).containsExactlyEntriesOf(mentions);
        Map<String, String> domains = top(count(posts, (post, sink) -> post.path("entities").path("urls")
                .forEach(url -> {
                    if (!url.has("media_key")) {
                        sink.add(domain(url.path(url.has("expanded_url") ? "expanded_url" : "url").asText()));
                    }
                })), "");
        assertThat(domains).isNotEmpty();
        assertThat(bars(page, "domains")).containsExactlyEntriesOf(domains);
        Map<String, String> retweets = top(count(posts, (post, sink) -> post.path("referenced_tweets")
                .forEach(ref -> {
                    if ("retweeted".equals(ref.path("type").asText())) {
                        sink.add(ref.path("id").asText());
                    }
                })), "Post ");
        assertThat(retweets).isNotEmpty();
        assertThat(bars(page, "retweets")).containsExactlyEntriesOf(retweets);
        Element topRetweet = page.selectFirst("#retweets table.bars tbody tr a");
        assertThat(topRetweet.attr("href"))
                .isEqualTo("https://x.com/i/web/status/" + topRetweet.text().substring("Post ".length()));
        Map<String, String> perHour = perHour(posts);
        assertThat(perHour).hasSizeGreaterThan(24);
        assertThat(hours(page)).containsExactlyEntriesOf(perHour);
        assertThat(page.select("#followers table.bars tbody tr")).hasSize(25);
    }

    @Test
    void theSampleShowsTwentyOfItsPostsAndResampleShowsOthers() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Collection collection = collectedAndSummarised(ada, "#climate", 300);
        Set<String> collected = new HashSet<>(posts(collection).stream().map(p -> p.path("id").asText()).toList());

        Document first = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andReturn());
        String resample = first.getElementById("resample").attr("href");
        Document second = page(mvc.perform(get(resample.replaceFirst("#.*", "")).with(SignedIn.as(ada)))
                .andReturn());

        List<String> before = first.select("#sample li").eachAttr("data-id");
        List<String> after = second.select("#sample li").eachAttr("data-id");
        assertThat(before).hasSize(20).doesNotHaveDuplicates().allMatch(collected::contains);
        assertThat(after).hasSize(20).allMatch(collected::contains).isNotEqualTo(before);
        assertThat(page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada))).andReturn())
                .select("#sample li").eachAttr("data-id")).as("the same seed, the same posts").isEqualTo(before);
    }

    @Test
    void everyImageOnThePageIsAThumbnailKeptHereTheCommonOnesAndTheMatchingGroups() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Collection collection = collectedAndSummarised(ada, "#climate has:images -is:retweet", 100);
        JsonNode graph = mapper.readTree(files.summaries(collection.id()).resolve("media-graph.json").toFile());
        assertThat(graph.path("links")).as("the sandbox's photos repeat a few pictures").isNotEmpty();

        Document page = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());

        List<String> sources = page.select("img").eachAttr("src");
        String ours = "/collections/" + collection.id() + "/media/";
        assertThat(page.select("#photos img")).hasSize(12);
        assertThat(page.select("#matching ol.matches > li")).isNotEmpty().allSatisfy(match ->
                assertThat(match.select("img")).hasSizeGreaterThan(1));
        assertThat(sources).allSatisfy(src -> assertThat(src).matches(ours + "[0-9]+_[0-9]+\\.jpg"));
        for (String src : new HashSet<>(sources)) {
            mvc.perform(get(src).with(SignedIn.as(ada))).andExpect(status().isOk());
        }
    }

    @Test
    void theImagesComeFromTheOverviewTheMediaStepMadeNeverFromTheGraphOrTheCountsOnEachView() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Collection collection = collectedAndSummarised(ada, "#climate has:images -is:retweet", 100);
        Document before = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andReturn());

        // were either read on a view, the page would now fail or change
        Files.writeString(files.summaries(collection.id()).resolve("media-graph.json"), "not json");
        Files.writeString(files.summaries(collection.id()).resolve("count-media.csv"), "media_key,url,count\r\n");
        Document after = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());

        assertThat(before.select("#photos img")).hasSize(12);
        assertThat(after.select("#images").outerHtml()).isEqualTo(before.select("#images").outerHtml());
    }

    @Test
    void photosFetchedBeforeTheOverviewExistedAreShownFromMediaCsvWhichMakesTheOverviewOnce() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Collection collection = collectedAndSummarised(ada, "#climate has:images -is:retweet", 100);
        Document before = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andReturn());
        Path overview = files.summaries(collection.id()).resolve("media").resolve(MediaOverview.FILE);
        Files.delete(overview);

        Document after = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());

        assertThat(after.select("#images").outerHtml()).isEqualTo(before.select("#images").outerHtml());
        assertThat(overview).isRegularFile();
    }

    @Test
    void thePageSaysWhichHostsPhotosWereNotFetchedAndOffersToFetchThemAgain() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Collection collection = newCollections.start(ada.id(), "#climate", 100, null);
        // tcpmux's port: nothing listens there, and no other test can bind it meanwhile (a freed ephemeral port could)
        int closed = 1;
        Files.createDirectories(files.summaries(collection.id()));
        Files.writeString(files.summaries(collection.id()).resolve("count-media.csv"), "media_key,url,count\r\n"
                + "3_1,http://127.0.0.1:" + closed + "/a.jpg,2\r\n3_2,http://127.0.0.1:" + closed + "/b.jpg,1\r\n");
        camel.send("direct:fingerprint-media",
                exchange -> exchange.setProperty(TweetflowExchange.COLLECTION_ID, collection.id()));

        Document page = page(mvc.perform(get("/collections/{id}", collection.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("#images-unfetched p").eachText()).singleElement().asString()
                .startsWith("Photos from 127.0.0.1 were not fetched (2 photos): ").contains("refused");
        assertThat(page.select("#images-unfetched form").attr("action"))
                .isEqualTo("/collections/" + collection.id() + "/steps/media.csv/retry");
        assertThat(page.select("#steps tr[data-step=media.csv] button")).hasSize(1);
    }

    @Test
    void anotherMembersSummarisedCollectionItsPageAndItsFilesAnswer404OnThePageAndInTheApi() throws Exception {
        Member ada = members.connect("10000001", XSimulator.SAM, clock.instant());
        Member ben = members.connect("10000002", XSimulator.SAM, clock.instant());
        Collection bens = collectedAndSummarised(ben, "#climate", 50);

        mvc.perform(get("/collections/{id}", bens.id()).with(SignedIn.as(ben))).andExpect(status().isOk());
        mvc.perform(get("/collections/{id}/files/count-hashtags.csv", bens.id()).with(SignedIn.as(ben)))
                .andExpect(status().isOk());
        mvc.perform(get("/collections/{id}", bens.id()).with(SignedIn.as(ada))).andExpect(status().isNotFound());
        mvc.perform(get("/collections/{id}", bens.id()).param("seed", "7").with(SignedIn.as(ada)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/collections/{id}/files/count-hashtags.csv", bens.id()).with(SignedIn.as(ada)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/collections/{id}/files/count-hashtags.csv", bens.id()).with(SignedIn.as(ben)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("hashtag,count\r\nclimate,")));
        mvc.perform(get("/api/collections/{id}/files/count-hashtags.csv", bens.id()).with(SignedIn.as(ada)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/collections/{id}/files/tweets.jsonl", bens.id()).with(SignedIn.as(ben)))
                .andExpect(status().isNotFound());
    }

    private Collection collectedAndSummarised(Member member, String query, int count) {
        Collection collection = newCollections.start(member.id(), query, count, null);
        assertThat(camel.requestBody("direct:collect-search", collection.id(), CollectOutcome.class).kind())
                .isEqualTo(CollectOutcome.Kind.COLLECTED);
        camel.send("direct:summarize-collection",
                exchange -> exchange.setProperty(TweetflowExchange.COLLECTION_ID, collection.id()));
        assertThat(steps.overall(collection.id())).isEqualTo("summarised");
        return collection;
    }

    /** The collection's posts from its raw pages, each id once (the first copy). */
    private List<JsonNode> posts(Collection collection) throws Exception {
        Map<String, JsonNode> posts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(files.tweets(collection.id()), StandardCharsets.UTF_8)) {
            mapper.readTree(line).path("data").forEach(post -> posts.putIfAbsent(post.path("id").asText(), post));
        }
        return new ArrayList<>(posts.values());
    }

    private static Map<String, Long> count(List<JsonNode> posts, BiConsumer<JsonNode, List<String>> keys) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode post : posts) {
            List<String> found = new ArrayList<>();
            keys.accept(post, found);
            found.forEach(key -> counts.merge(key, 1L, Long::sum));
        }
        return counts;
    }

    /** The 25 largest, most first, ties by key: label (prefix + key) to count, as the page should show them. */
    private static Map<String, String> top(Map<String, Long> counts, String prefix) {
        Map<String, String> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(25)
                .forEach(entry -> top.put(prefix + entry.getKey(), Long.toString(entry.getValue())));
        return top;
    }

    private static Map<String, String> perHour(List<JsonNode> posts) {
        List<Instant> hours = posts.stream().map(post -> Instant.parse(post.path("created_at").asText())
                .truncatedTo(ChronoUnit.HOURS)).sorted().toList();
        Map<String, String> perHour = new LinkedHashMap<>();
        for (Instant hour = hours.get(0); !hour.isAfter(hours.get(hours.size() - 1)); hour = hour.plusSeconds(3600)) {
            Instant at = hour;
            perHour.put(at.toString(), Long.toString(hours.stream().filter(at::equals).count()));
        }
        return perHour;
    }

    /** A link's host as count-domains.csv keys it: lowercased, without www. */
    private static String domain(String url) {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static Map<String, String> bars(Document page, String chart) {
        Map<String, String> bars = new LinkedHashMap<>();
        for (Element row : page.select("#" + chart + " table.bars tbody tr")) {
            bars.put(row.selectFirst("th").text(), row.selectFirst("td.num").text());
        }
        return bars;
    }

    private static Map<String, String> hours(Document page) {
        Map<String, String> hours = new LinkedHashMap<>();
        for (Element row : page.select("#timeline-table tbody tr")) {
            hours.put(row.selectFirst("time").attr("datetime"), row.selectFirst("td.num").text());
        }
        return hours;
    }

    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
