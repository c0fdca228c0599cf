package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.CollectionRun;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.Repeat;
import org.tweetflow.collect.MediaFingerprints;
import org.tweetflow.collect.MediaOverview;
import org.tweetflow.member.Member;

/**
 * The collections' pages: start one from the form, see its state, download its raw pages, see its photos; only the
 * owner does, or anyone once it is published.
 */
@TweetflowTest
@AutoConfigureMockMvc
class CollectionsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Researchers researchers;
    @Autowired
    Collections collections;
    @Autowired
    CollectionFiles files;
    @Autowired
    JdbcTemplate jdbc;

    Member ada;
    Member ben;

    @BeforeEach
    void twoMembers() {
        ada = researchers.connected("10000001");
        ben = researchers.connected("10000002");
    }

    @AfterEach
    void forget() {
        researchers.forgetAll();
    }

    @Test
    void theFormStartsACollectionAndItsPageShowsItsState() throws Exception {
        MvcResult started = mvc.perform(post("/collections").with(SignedIn.as(ada)).with(csrf())
                .param("query", "#climate lang:en").param("max_count", "200"))
                .andExpect(redirectedUrlPattern("/collections/*")).andReturn();

        Document page = page(mvc.perform(get(started.getResponse().getRedirectedUrl()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());
        assertThat(page.getElementById("query").text()).isEqualTo("#climate lang:en");
        assertThat(page.getElementById("state").text()).isEqualTo(Collection.QUEUED);
        assertThat(page.getElementById("collected").text()).isEqualTo("0 of 200");
        Document list = page(mvc.perform(get("/collections").with(SignedIn.as(ada))).andReturn());
        assertThat(list.select("#collection-list tbody tr")).hasSize(1);
    }

    @Test
    void aRefusedQueryIsShownAgainWithTheReasonAndNothingStarts() throws Exception {
        Document page = page(mvc.perform(post("/collections").with(SignedIn.as(ada)).with(csrf())
                .param("query", "x".repeat(513))).andExpect(status().isBadRequest()).andReturn());

        assertThat(page.getElementById("error").text()).contains("at most 512");
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aCollectionWithFewerPostsThanAskedSaysXHadNoMoreOfTheLast7DaysAndNoneSaysWhy() throws Exception {
        Collection fewer = collections.create(ada.id(), "#opendata", 100_000, null);
        CollectionRun run = collections.currentRun(fewer);
        collections.pageCollected(run, 1939, null, 0, 0, "1939");
        collections.collected(run, null);
        Collection none = collections.create(ada.id(), "#nothingmatches", 100, null);
        collections.collected(collections.currentRun(none), null);

        Document page = page(mvc.perform(get("/collections/{id}", fewer.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(page.getElementById("outcome").text()).isEqualTo("Complete: these are all the posts X had "
                + "matching this query in the last 7 days, as far back as its recent search reaches (1,939 of the "
                + "100,000 asked for).");
        assertThat(page.getElementById("progress")).as("no bar that looks unfinished").isNull();
        Document empty = page(mvc.perform(get("/collections/{id}", none.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(empty.getElementById("outcome").text()).startsWith(
                "X found no posts matching this query in the last 7 days, as far back as its recent search reaches");
        Document list = page(mvc.perform(get("/collections").with(SignedIn.as(ada))).andReturn());
        assertThat(list.select("#collection-list tbody td").eachText())
                .contains("1,939 of 100,000: all X had", "0 of 100: X had none");
    }

    @Test
    void aFailedCollectionOffersItsQueryToEditAndStartAgainNotToCollectItAgain() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata & \"open data\"", 250, null);
        collections.failed(mine.id(), "X answered 400: Reference to invalid operator 'since'");

        Document failed = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(failed.getElementById("collect-again")).as("as it is, it can only fail again").isNull();
        String edit = failed.getElementById("edit-again").attr("href");

        Document form = page(mvc.perform(get(java.net.URI.create(edit)).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());
        assertThat(form.getElementById("query").val()).isEqualTo("#opendata & \"open data\"");
        assertThat(form.getElementById("max-count").val()).isEqualTo("250");
        assertThat(form.select("#repeat option[selected]").eachAttr("value")).isEmpty();
    }

    @Test
    void aMemberAtTheirLimitIsToldOnThePageWith429AndTheFormKeepsWhatTheyTyped() throws Exception {
        for (int i = 0; i < 5; i++) {
            collections.create(ada.id(), "#running" + i, 100, null);
        }

        Document page = page(mvc.perform(post("/collections").with(SignedIn.as(ada)).with(csrf())
                .param("query", "#climate").param("repeat", "daily")).andExpect(status().isTooManyRequests())
                .andReturn());

        assertThat(page.getElementById("error").text()).startsWith(
                "Not started: you have 5 collections queued or collecting, as many as a member may have at once");
        assertThat(page.getElementById("query").val()).isEqualTo("#climate");
        assertThat(page.select("#repeat option[selected]").eachAttr("value")).containsExactly("daily");
        assertThat(collections.of(ada.id())).hasSize(5);
    }

    @Test
    void theRawPagesDownloadAsTheyWereRecordedNotWhatARunAppendedSince() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        long recorded = files.append(mine.id(), "{\"data\":[{\"id\":\"7\",\"text\":\"hi\"}],\"meta\":{\"result_count\":1}}");
        researchers.recorded(mine, recorded);
        String asRecorded = Files.readString(files.tweets(mine.id()));
        files.append(mine.id(), "{\"data\":[{\"id\":\"8\",\"text\":\"not recorded yet\"}]}");

        MvcResult started = mvc.perform(get("/collections/{id}/tweets.jsonl", mine.id()).with(SignedIn.as(ada)))
                .andReturn();
        started.getAsyncResult(); // the stream written whole before the dispatch reads it, not while
        MvcResult download = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();

        assertThat(download.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(asRecorded);
    }

    @Test
    void theExportFormDownloadsThePostsCreatedFromTheFirstDayToTheLastBothIncluded() throws Exception {
        Collection mine = threeDays();
        Document page = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(page.getElementById("export").attr("action")).isEqualTo("/collections/" + mine.id() + "/export");

        assertThat(exported(mine, "ids.txt", "2026-11-28", "2026-11-28")).isEqualTo("8\n");
        assertThat(exported(mine, "ids.txt", "", "")).isEqualTo("9\n8\n7\n");
        assertThat(exported(mine, "tweets.csv", "2026-11-29", "")).startsWith("id,created_at,").contains("\r\n9,")
                .doesNotContain("\r\n8,");
        mvc.perform(get("/collections/{id}/export", mine.id()).param("file", "ids.txt").with(SignedIn.as(ben)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theExportFormTakesInstantsAsTheApiDoesUpToTheInstantLeftOut() throws Exception {
        Collection mine = threeDays();

        assertThat(exported(mine, "ids.txt", "2026-11-28T12:00:00Z", "2026-11-29T00:00:00Z")).isEqualTo("8\n");
        assertThat(exported(mine, "ids.txt", "2026-11-28", "2026-11-29T00:00:01+00:00")).isEqualTo("9\n8\n");
    }

    @Test
    void aReversedRangeIsA400PageSayingWhyNotAnEmptyFile() throws Exception {
        Collection mine = threeDays();

        Document page = page(mvc.perform(get("/collections/{id}/export", mine.id()).param("file", "ids.txt")
                .param("from", "2026-11-29").param("to", "2026-11-28").with(SignedIn.as(ada)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.getElementById("problem-message").text())
                .isEqualTo("'to' (2026-11-28) must end after 'from' (2026-11-29) starts.");
    }

    /** Posts created on 29 November at midnight, a second before it, and on the 27th; all recorded. */
    private Collection threeDays() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        researchers.recorded(mine, files.append(mine.id(), "{\"data\":["
                + "{\"id\":\"9\",\"text\":\"a\",\"created_at\":\"2026-11-29T00:00:00.000Z\"},"
                + "{\"id\":\"8\",\"text\":\"b\",\"created_at\":\"2026-11-28T23:59:59.000Z\"},"
                + "{\"id\":\"7\",\"text\":\"c\",\"created_at\":\"2026-11-27T12:00:00.000Z\"}],"
                + "\"meta\":{\"result_count\":3}}"));
        return mine;
    }

    private String exported(Collection collection, String file, String from, String to) throws Exception {
        MvcResult started = mvc.perform(get("/collections/{id}/export", collection.id()).param("file", file)
                .param("from", from).param("to", to).with(SignedIn.as(ada))).andReturn();
        started.getAsyncResult();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theOwnerPublishesAndDeletesFromThePageAndNobodyElseCan() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        mvc.perform(post("/collections/{id}/published", mine.id()).param("published", "true").with(SignedIn.as(ben))
                .with(csrf())).andExpect(status().isNotFound());

        mvc.perform(post("/collections/{id}/published", mine.id()).param("published", "true")
                .with(SignedIn.as(ada)).with(csrf())).andExpect(redirectedUrlPattern("/collections/*"));

        Document asBen = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ben)))
                .andExpect(status().isOk()).andReturn());
        assertThat(asBen.getElementById("owner-actions")).as("only the owner sees the actions").isNull();
        mvc.perform(post("/collections/{id}/delete", mine.id()).with(SignedIn.as(ben)).with(csrf()))
                .andExpect(status().isNotFound());
        Document asAda = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(asAda.getElementById("publish").text()).isEqualTo("Unpublish");

        mvc.perform(post("/collections/{id}/delete", mine.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(redirectedUrl("/collections"));
        assertThat(collections.find(mine.id())).isEmpty();
        assertThat(Files.exists(files.tweets(mine.id()))).isFalse();
    }

    @Test
    void hashtagsOfTheCollectionsTickedAreComparedSideBySideMostUsedFirst() throws Exception {
        Collection first = collections.create(ada.id(), "#a", 100, null);
        Collection second = collections.create(ada.id(), "#b", 100, null);
        researchers.summarised(first, "count-hashtags.csv", "hashtag,count\r\nclimate,5\r\nheat,2\r\n");
        researchers.summarised(second, "count-hashtags.csv", "hashtag,count\r\nclimate,3\r\nflood,4\r\n");

        Document page = page(mvc.perform(get("/collections/compare").param("ids", first.id() + "," + second.id())
                .with(SignedIn.as(ada))).andExpect(status().isOk()).andReturn());

        assertThat(page.select("#compared tbody tr")).extracting(row -> row.text())
                .containsExactly("#climate 5 3", "#flood 0 4", "#heat 2 0");
        Collection bens = collections.create(ben.id(), "#c", 100, null);
        mvc.perform(get("/collections/compare").param("ids", first.id() + "," + bens.id()).with(SignedIn.as(ada)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCollectionAskedTwiceIsComparedOnce() throws Exception {
        Collection first = collections.create(ada.id(), "#a", 100, null);
        Collection second = collections.create(ada.id(), "#b", 100, null);
        researchers.summarised(first, "count-hashtags.csv", "hashtag,count\r\nclimate,5\r\n");
        researchers.summarised(second, "count-hashtags.csv", "hashtag,count\r\nclimate,3\r\n");

        Document page = page(mvc.perform(get("/collections/compare")
                .param("ids", first.id() + "," + second.id() + "," + first.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("#compared tbody tr")).extracting(row -> row.text()).containsExactly("#climate 5 3");
    }

    @Test
    void comparingFewerThanTwoDifferentCollectionsIsA400PageSayingSo() throws Exception {
        Collection first = collections.create(ada.id(), "#a", 100, null);
        researchers.summarised(first, "count-hashtags.csv", "hashtag,count\r\nclimate,5\r\n");

        for (String ids : List.of(Long.toString(first.id()), first.id() + "," + first.id())) {
            Document page = page(mvc.perform(get("/collections/compare").param("ids", ids).with(SignedIn.as(ada)))
                    .andExpect(status().isBadRequest()).andReturn());
            assertThat(page.getElementById("problem-message").text())
                    .isEqualTo("Compare needs two or more different collections, not 1.");
        }
    }

    @Test
    void comparingMoreThanTheCapIsRefusedBeforeAnyCollectionIsRead() throws Exception {
        String eleven = String.join(",", LongStream.rangeClosed(1, 11).mapToObj(Long::toString).toList());

        Document page = page(mvc.perform(get("/collections/compare").param("ids", eleven).with(SignedIn.as(ada)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.getElementById("problem-message").text())
                .isEqualTo("Compare at most 10 collections at once, not 11.");
    }

    @Test
    void idsThatAreNotNumbersAreA400PageSayingSo() throws Exception {
        Document page = page(mvc.perform(get("/collections/compare").param("ids", "1,two").with(SignedIn.as(ada)))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(page.getElementById("problem-message").text()).isEqualTo("'ids' takes whole numbers, not '1,two'.");
    }

    @Test
    void aRateLimitedCollectionSaysUntilWhenInUtcToTheMinuteWithItsFiguresGrouped() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 25000, null);
        collections.rateLimited(mine.id(), Instant.parse("2026-11-30T14:05:30Z"), "rate limited");

        Document page = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        Document list = page(mvc.perform(get("/collections").with(SignedIn.as(ada))).andReturn());

        assertThat(page.getElementById("state").text())
                .isEqualTo("Rate limited until 30 Nov 2026, 14:05 UTC: collecting goes on after that");
        assertThat(page.selectFirst("#state time").attr("datetime")).isEqualTo("2026-11-30T14:05:30Z");
        assertThat(page.getElementById("collected").text()).isEqualTo("0 of 25,000");
        assertThat(list.select("#collection-list tbody td").eachText())
                .contains("rate limited until 30 Nov 2026, 14:05 UTC", "0 of 25,000");
    }

    @Test
    void aCollectionHeldByTheOperatorsPauseSaysSoWithoutATime() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 25000, null);
        collections.rateLimited(mine.id(), null, "fetching from X is paused by the operators; the posts so far are kept");

        Document page = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        Document list = page(mvc.perform(get("/collections").with(SignedIn.as(ada))).andReturn());

        assertThat(page.getElementById("state").text())
                .isEqualTo("Paused: fetching from X is paused by the operators; the posts so far are kept");
        assertThat(page.select("#state time")).isEmpty();
        assertThat(list.select("#collection-list tbody td").eachText()).contains("paused by the operators");
    }

    @Test
    void aRecurringCollectionThatStoppedAfterFailedRunsSaysSoAndItsOwnerCollectsItAgain() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, Repeat.DAILY);
        for (int run = 0; run < 3; run++) {
            collections.failed(mine.id(), "X refused the query");
        }

        Document failed = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(failed.getElementById("repeats").text()).isEqualTo("daily, stopped after failed runs");
        assertThat(failed.getElementById("collect-again")).isNotNull();
        mvc.perform(post("/collections/{id}/retry", mine.id()).with(SignedIn.as(ben)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/collections/{id}/retry", mine.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(redirectedUrl("/collections/" + mine.id()));

        Document queued = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());
        assertThat(queued.getElementById("state").text()).isEqualTo(Collection.QUEUED);
        assertThat(queued.getElementById("repeats").text()).startsWith("daily, next run ");
        assertThat(queued.getElementById("collect-again")).as("only a failed collection is collected again").isNull();
        MvcResult twice = mvc.perform(post("/collections/{id}/retry", mine.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(redirectedUrl("/collections/" + mine.id())).andReturn();
        Document told = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))
                .flashAttrs(twice.getFlashMap())).andReturn());
        assertThat(told.getElementById("error").text())
                .isEqualTo("Not collected again: only a failed collection is collected again; this one is queued.");
    }

    @Test
    void retryingAFailedStepQueuesItAsWorkForAWorkerAndThePageAnswersWithItPending() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        researchers.steps(mine, CollectionStep.FAILED, List.of("count-hashtags.csv", "bundle.zip"));

        mvc.perform(post("/collections/{id}/steps/{name}/retry", mine.id(), "count-hashtags.csv")
                .with(SignedIn.as(ada)).with(csrf())).andExpect(redirectedUrl("/collections/" + mine.id()));

        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, mine.id()))
                .as("queued as the collection's work").containsExactly("summarize");
        // the workers take no queued work in these tests: nothing else may have run it
        assertThat(jdbc.queryForList("SELECT state FROM collection_step WHERE collection_id = ? ORDER BY name",
                String.class, mine.id())).containsExactly(CollectionStep.PENDING, CollectionStep.PENDING);
    }

    @Test
    void aThumbnailIsServedToWhoeverMaySeeTheCollectionAndToNobodyElse() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata has:images", 100, null);
        String key = "3_1500000000000000001";
        researchers.thumbnail(mine, key);
        String thumbnail = "/collections/{id}/media/{key}.jpg";

        MvcResult own = mvc.perform(get(thumbnail, mine.id(), key).with(SignedIn.as(ada)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string("Cache-Control", "max-age=3600, private"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn();
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(own.getResponse().getContentAsByteArray()));
        assertThat(served.getWidth()).isEqualTo(320);
        assertThat(served.getHeight()).isEqualTo(240);

        mvc.perform(get(thumbnail, mine.id(), key).with(SignedIn.as(ben))).andExpect(status().isNotFound());
        collections.published(mine.id(), true);
        mvc.perform(get(thumbnail, mine.id(), key).with(SignedIn.as(ben))).andExpect(status().isOk());
        for (String unknown : List.of("3_1500000000000000002", "3_", "photo", "..", "3_1.jpg")) {
            mvc.perform(get(thumbnail, mine.id(), unknown).with(SignedIn.as(ada)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get(thumbnail, mine.id() + 1000, key).with(SignedIn.as(ada))).andExpect(status().isNotFound());
    }

    /** What the page reads of the photos, as the media step writes it. */
    static final String OVERVIEW = "media/" + MediaOverview.FILE;

    @Test
    void theImagesSayTheyAreBeingFetchedThenShowTheKeptThumbnailsAndSayWhatIsMissing() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata has:images", 100, null);
        researchers.summarised(mine, "count-media.csv", "media_key,url,count\r\n"
                + "3_1,https://pbs.twimg.com/media/one.jpg,1234\r\n3_2,https://pbs.twimg.com/media/two.jpg,1\r\n");
        researchers.steps(mine, CollectionStep.DONE, List.of("count-media.csv"));
        researchers.steps(mine, CollectionStep.RUNNING, MediaFingerprints.STEPS);

        Document fetching = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());

        assertThat(fetching.getElementById("images-fetching")).isNotNull();
        assertThat(fetching.select("#images img")).isEmpty();

        // fetched: X served the first photo only, and nothing matches
        researchers.thumbnail(mine, "3_1");
        researchers.summarised(mine, OVERVIEW, "{\"common\":["
                + "{\"mediaKey\":\"3_1\",\"url\":\"https://pbs.twimg.com/media/one.jpg\",\"posts\":1234,\"copies\":1},"
                + "{\"mediaKey\":\"3_2\",\"url\":\"https://pbs.twimg.com/media/two.jpg\",\"posts\":1,\"copies\":1}],"
                + "\"matching\":[],\"groups\":0,\"unfetched\":[]}");
        researchers.steps(mine, CollectionStep.DONE, MediaFingerprints.STEPS);

        Document fetched = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());

        assertThat(fetched.getElementById("images-fetching")).isNull();
        assertThat(fetched.select("#photos li")).extracting(li -> li.selectFirst("figcaption").text())
                .containsExactly("1,234 posts", "1 post");
        assertThat(fetched.select("#photos img")).extracting(img -> img.attr("src"))
                .containsExactly("/collections/" + mine.id() + "/media/3_1.jpg");
        assertThat(fetched.select("#photos li").get(1).select(".no-thumbnail").text()).contains("X did not serve");
        assertThat(fetched.getElementById("no-matching").text()).isEqualTo("No two photos match.");
    }

    @Test
    void aPicturePostedAgainUnderAnotherMediaKeyIsOneCommonImageWithItsPostsTogether() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata has:images", 100, null);
        researchers.summarised(mine, "count-media.csv", "media_key,url,count\r\n"
                + "3_1,https://pbs.twimg.com/media/one.jpg,3\r\n3_2,https://pbs.twimg.com/media/two.jpg,2\r\n"
                + "3_3,https://pbs.twimg.com/media/three.jpg,2\r\n");
        // as the media step makes it of a graph where 3_2 and 3_3 have the same bytes (MediaOverviewTest)
        researchers.summarised(mine, OVERVIEW, "{\"common\":["
                + "{\"mediaKey\":\"3_2\",\"url\":\"https://pbs.twimg.com/media/two.jpg\",\"posts\":4,\"copies\":2},"
                + "{\"mediaKey\":\"3_1\",\"url\":\"https://pbs.twimg.com/media/one.jpg\",\"posts\":3,\"copies\":1}],"
                + "\"matching\":[],\"groups\":0,\"unfetched\":[]}");
        researchers.steps(mine, CollectionStep.DONE, List.of("count-media.csv"));
        researchers.steps(mine, CollectionStep.DONE, MediaFingerprints.STEPS);

        Document page = page(mvc.perform(get("/collections/{id}", mine.id()).with(SignedIn.as(ada))).andReturn());

        assertThat(page.select("#photos li figcaption").eachText())
                .containsExactly("4 posts, 2 identical copies", "3 posts");
    }

    @Test
    void anotherMembersCollectionAndItsPagesAnswer404() throws Exception {
        Collection bens = collections.create(ben.id(), "#opendata", 100, null);

        mvc.perform(get("/collections/{id}", bens.id()).with(SignedIn.as(ada))).andExpect(status().isNotFound());
        mvc.perform(get("/collections/{id}/tweets.jsonl", bens.id()).with(SignedIn.as(ada)))
                .andExpect(status().isNotFound());
    }


    private static Document page(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
