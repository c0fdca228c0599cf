package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.Repeat;
import org.tweetflow.member.Member;
import org.tweetflow.member.MemberAccount;
import org.tweetflow.member.Members;

/** Creating a collection stores and queues it, or refuses it with a clear 4xx and stores nothing; only the owner sees it. */
@TweetflowTest
@AutoConfigureMockMvc
class CollectionsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Researchers researchers;
    @Autowired
    Members members;
    @Autowired
    Collections collections;
    @Autowired
    CollectionFiles files;
    @Autowired
    MemberAccount account;
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
    void aNewCollectionIsStoredWithTheDefaultCountAndQueued() throws Exception {
        create(ada, "{\"query\":\"#climate lang:en\"}").andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/collections/")))
                .andExpect(jsonPath("$.query").value("#climate lang:en"))
                .andExpect(jsonPath("$.max_count").value(1000))
                .andExpect(jsonPath("$.state").value(Collection.QUEUED));

        assertThat(collections.of(ada.id())).singleElement().satisfies(stored -> assertThat(
                jdbc.queryForList("SELECT kind FROM work_item WHERE subject_id = ?", String.class, stored.id()))
                .containsExactly("collect"));
    }

    @Test
    void anEmptyQueryIsRefusedAndNothingStored() throws Exception {
        create(ada, "{\"query\":\"   \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("the query is empty"));
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aQueryLongerThanXTakesIsRefused() throws Exception {
        create(ada, "{\"query\":\"" + "a".repeat(Collections.MAX_QUERY_LENGTH + 1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("at most 512")));
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aQueryXWouldRefuseIsRefusedBeforeItIsStored() throws Exception {
        create(ada, "{\"query\":\"has:images -is:retweet\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("X would refuse the query")));
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void aQueryWithCharactersThatCannotBeStoredIsRefusedWithTheReasonBeforeItIsStored() throws Exception {
        create(ada, "{\"query\":\"#climate\\u0000 heat\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the query holds a NUL character (U+0000) at position 9: write it"
                        + " on one line, in visible characters"));
        create(ada, "{\"query\":\"#climate\\r\\nheat\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "the query holds a line break (U+000D) at position 9")));
        create(ada, "{\"query\":\"#climate \\ud83c heat\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "the query holds half of a character")));
        create(ada, "{\"query\":\"#climate \\u202egnp.exe\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "the query holds an invisible bidirectional control, which shows text in another order than X reads it "
                        + "(U+202E) at position 10")));
        assertThat(collections.of(ada.id())).isEmpty();
        create(ada, "{\"query\":\"#climat \\ud83c\\udf0d \\u05d0\\u05e7\\u05dc\\u05d9\\u05dd\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void aMemberWithAsManyCollectionsRunningAsAllowedIsAnswered429AndNothingIsStored() throws Exception {
        for (int i = 0; i < 5; i++) {
            collections.create(ada.id(), "#running" + i, 100, null);
        }

        create(ada, "{\"query\":\"#climate\"}").andExpect(status().isTooManyRequests())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "you have 5 collections queued or collecting, as many as a member may have at once")));
        assertThat(collections.of(ada.id())).hasSize(5);
        create(ben, "{\"query\":\"#climate\"}").andExpect(status().isCreated());
        jdbc.update("UPDATE collection SET state = ? WHERE member_id = ?", Collection.COLLECTED, ada.id());
        create(ada, "{\"query\":\"#climate\"}").andExpect(status().isCreated());
    }

    @Test
    void aMemberWithAsManyRecurringCollectionsAsAllowedMayStillCollectOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            collections.create(ada.id(), "#repeating" + i, 100, Repeat.DAILY);
        }
        jdbc.update("UPDATE collection SET state = ? WHERE member_id = ?", Collection.COLLECTED, ada.id());

        create(ada, "{\"query\":\"#climate\",\"repeat\":\"hourly\"}").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "you have 3 recurring collections, as many as a member may have")));
        create(ada, "{\"query\":\"#climate\"}").andExpect(status().isCreated());
        assertThat(collections.of(ada.id())).hasSize(4).filteredOn(c -> c.repeat() != null).hasSize(3);
    }

    @Test
    void startingMoreCollectionsAMinuteThanAllowedIsAnswered429WithRetryAfter() throws Exception {
        for (int i = 0; i < 10; i++) {
            create(ada, "{\"query\":\"#climate" + i + "\"}").andExpect(status().isCreated());
            jdbc.update("UPDATE collection SET state = ? WHERE member_id = ?", Collection.COLLECTED, ada.id());
        }

        create(ada, "{\"query\":\"#climate\"}").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-6]")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(
                        "a member starts at most 10 collections a minute; the next one can start in [1-6] s")));
        assertThat(collections.of(ada.id())).hasSize(10);
        create(ben, "{\"query\":\"#climate\"}").andExpect(status().isCreated());
    }

    @Test
    void refusedQueriesTakeNoPlaceOfTheCollectionsAMemberMayStartAMinute() throws Exception {
        for (int i = 0; i < 10; i++) {
            create(ada, "{\"query\":\"filter:images #climate\"}").andExpect(status().isBadRequest());
        }

        create(ada, "{\"query\":\"#climate\"}").andExpect(status().isCreated());
    }

    @Test
    void aCountOutOfBoundsIsRefused() throws Exception {
        create(ada, "{\"query\":\"x\",\"max_count\":0}").andExpect(status().isBadRequest());
        create(ada, "{\"query\":\"x\",\"max_count\":100001}").andExpect(status().isBadRequest());
        assertThat(collections.of(ada.id())).isEmpty();
    }

    @Test
    void anotherMembersUnpublishedCollectionAnswers404() throws Exception {
        Collection bens = collections.create(ben.id(), "#opendata", 100, null);

        mvc.perform(get("/api/collections/{id}", bens.id()).with(SignedIn.as(ada))).andExpect(status().isNotFound());
        mvc.perform(get("/api/collections/{id}", bens.id()).with(SignedIn.as(ben))).andExpect(status().isOk())
                .andExpect(jsonPath("$.query").value("#opendata"));
        mvc.perform(get("/api/collections").with(SignedIn.as(ada))).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aMemberWithoutXConnectedIsAskedToConnectItFirst() throws Exception {
        Member cleo = members.ensure("10000003");

        create(cleo, "{\"query\":\"#climate\"}").andExpect(status().isConflict());
        assertThat(collections.of(cleo.id())).isEmpty();
    }

    @Test
    void onlyTheOwnerCollectsAgainAndOnlyAFailedCollection() throws Exception {
        Collection adas = collections.create(ada.id(), "#climate", 100, Repeat.DAILY);

        mvc.perform(post("/api/collections/{id}/retry", adas.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("only a failed collection is collected again; this one is queued"));
        for (int run = 0; run < 3; run++) {
            collections.failed(adas.id(), "X refused the token");
        }
        mvc.perform(get("/api/collections/{id}", adas.id()).with(SignedIn.as(ada)))
                .andExpect(jsonPath("$.stopped_repeating").value(true)).andExpect(jsonPath("$.next_run_at").isEmpty());
        mvc.perform(post("/api/collections/{id}/retry", adas.id()).with(SignedIn.as(ben)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/collections/{id}/retry", adas.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value(Collection.QUEUED))
                .andExpect(jsonPath("$.stopped_repeating").value(false));
        assertThat(jdbc.queryForList("SELECT reason FROM work_item WHERE subject_id = ?", String.class, adas.id()))
                .containsExactly("again");
    }

    @Test
    void eachStepSaysWhenItStartedAndFinished() throws Exception {
        Collection adas = collections.create(ada.id(), "#climate", 100, null);
        researchers.steps(adas, CollectionStep.DONE, List.of("count-hashtags.csv"));
        researchers.steps(adas, CollectionStep.RUNNING, List.of("tweets.csv"));

        mvc.perform(get("/api/collections/{id}/steps", adas.id()).with(SignedIn.as(ada)))
                .andExpect(jsonPath("$[0].name").value("count-hashtags.csv"))
                .andExpect(jsonPath("$[0].started_at").isNotEmpty())
                .andExpect(jsonPath("$[0].finished_at").isNotEmpty())
                .andExpect(jsonPath("$[1].name").value("tweets.csv"))
                .andExpect(jsonPath("$[1].started_at").isNotEmpty())
                .andExpect(jsonPath("$[1].finished_at").isEmpty());
    }

    @Test
    void noSignInNoCollections() throws Exception {
        mvc.perform(get("/api/collections")).andExpect(status().isUnauthorized());
    }

    @Test
    void aPublishedCollectionIsReadByOthersAndListedInTheFeedUntilUnpublished() throws Exception {
        Collection bens = collections.create(ben.id(), "#opendata", 100, null);
        researchers.summarised(bens, "count-hashtags.csv", "hashtag,count\r\nopendata,3\r\n");
        mvc.perform(post("/api/collections/{id}/publish", bens.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/collections/{id}/publish", bens.id()).with(SignedIn.as(ben)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.published").value(true));

        mvc.perform(get("/api/collections/{id}", bens.id()).with(SignedIn.as(ada))).andExpect(status().isOk());
        mvc.perform(get("/api/collections/{id}/files/count-hashtags.csv", bens.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk());
        assertThat(mvc.perform(get("/collections/feed.atom")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("<title>#opendata</title>", "/collections/" + bens.id());
        mvc.perform(post("/api/collections/{id}/unpublish", bens.id()).with(SignedIn.as(ben)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/collections/{id}", bens.id()).with(SignedIn.as(ada))).andExpect(status().isNotFound());
        mvc.perform(get("/api/collections/{id}/files/count-hashtags.csv", bens.id()).with(SignedIn.as(ada)))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/collections/feed.atom")).andReturn().getResponse().getContentAsString())
                .doesNotContain("#opendata");
    }

    @Test
    void deletingACollectionTakesItsFilesAndOnlyItsOwnerMayDoIt() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        files.append(mine.id(), page("7", "2026-11-29T10:00:00.000Z"));

        mvc.perform(delete("/api/collections/{id}", mine.id()).with(SignedIn.as(ben)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/collections/{id}", mine.id()).with(SignedIn.as(ada)).with(csrf()))
                .andExpect(status().isNoContent());

        assertThat(collections.find(mine.id())).isEmpty();
        assertThat(Files.exists(files.tweets(mine.id()))).isFalse();
    }

    @Test
    void aMemberWhoLeavesTakesTheirCollectionsAndTheirFilesAlong() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        files.append(mine.id(), page("7", "2026-11-29T10:00:00.000Z"));

        account.delete(ada);

        assertThat(collections.find(mine.id())).isEmpty();
        assertThat(Files.exists(files.tweets(mine.id()))).isFalse();
    }

    @Test
    void exportsOfADateRangeHoldOnlyTheRecordedPostsCreatedInIt() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        files.append(mine.id(), page("9", "2026-11-29T12:00:00.000Z") .replace("]", ",{\"id\":\"8\",\"text\":\"b\","
                + "\"created_at\":\"2026-11-28T12:00:00.000Z\"}]"));
        researchers.recorded(mine, files.append(mine.id(), page("5", "2026-11-27T12:00:00.000Z")));
        files.append(mine.id(), page("4", "2026-11-28T13:00:00.000Z"));

        String ids = export(mine, "ids.txt", "?from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z");
        String all = export(mine, "ids.txt", "");
        String pages = export(mine, "tweets.jsonl", "?from=2026-11-28T00:00:00Z");

        assertThat(ids).isEqualTo("8\n");
        assertThat(all).isEqualTo("9\n8\n5\n");
        assertThat(pages.lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"id\":\"9\"", "\"id\":\"8\"", "\"result_count\":2").doesNotContain("\"id\":\"5\""));
        mvc.perform(get("/api/collections/{id}/export/ids.txt?from=yesterday", mine.id()).with(SignedIn.as(ada)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void exportsTakeDaysAsThePageDoesEachDayIncludedWhole() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);
        files.resumeAt(mine.id(), 0);
        researchers.recorded(mine, files.append(mine.id(), page("9", "2026-11-29T00:00:00.000Z")
                .replace("]", ",{\"id\":\"8\",\"text\":\"b\",\"created_at\":\"2026-11-28T23:59:59.000Z\"}]")));

        assertThat(export(mine, "ids.txt", "?from=2026-11-28&to=2026-11-28")).isEqualTo("8\n");
        assertThat(export(mine, "ids.txt", "?from=2026-11-28&to=2026-11-29T00:00:00Z")).isEqualTo("8\n");
        assertThat(export(mine, "ids.txt", "?to=2026-11-29")).isEqualTo("9\n8\n");
    }

    @Test
    void aReversedRangeIsA400WithItsReasonNotAnEmptyFile() throws Exception {
        Collection mine = collections.create(ada.id(), "#opendata", 100, null);

        mvc.perform(get("/api/collections/{id}/export/ids.txt?from=2026-11-29T00:00:00Z&to=2026-11-28", mine.id())
                .with(SignedIn.as(ada))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'to' (2026-11-28) must end after 'from' "
                        + "(2026-11-29T00:00:00Z) starts"));
        mvc.perform(get("/api/collections/{id}/export/ids.txt?from=2026-11-29T00:00:00Z&to=2026-11-29T00:00:00Z",
                mine.id()).with(SignedIn.as(ada))).andExpect(status().isBadRequest());
    }

    @Test
    void comparingTakesEachCollectionOnceAndRefusesMoreThanTheCapBeforeReadingAny() throws Exception {
        Collection first = collections.create(ada.id(), "#a", 100, null);
        Collection second = collections.create(ada.id(), "#b", 100, null);
        researchers.summarised(first, "count-hashtags.csv", "hashtag,count\r\nclimate,5\r\n");
        researchers.summarised(second, "count-hashtags.csv", "hashtag,count\r\nclimate,3\r\n");

        mvc.perform(get("/api/collections/compare?ids={a},{b},{a},{b}", first.id(), second.id(), first.id(),
                second.id()).with(SignedIn.as(ada))).andExpect(status().isOk())
                .andExpect(jsonPath("$.climate.length()").value(2));
        mvc.perform(get("/api/collections/compare?ids={a},{a}", first.id(), first.id()).with(SignedIn.as(ada)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("compare needs two or more different collections, not 1"));
        mvc.perform(get("/api/collections/compare?ids=1,2,3,4,5,6,7,8,9,10,11").with(SignedIn.as(ada)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("compare at most 10 collections at once, not 11"));
    }

    @Test
    void comparingSetsTheHashtagsOfCollectionsSideBySide() throws Exception {
        Collection first = collections.create(ada.id(), "#a", 100, null);
        Collection second = collections.create(ada.id(), "#b", 100, null);
        researchers.summarised(first, "count-hashtags.csv", "hashtag,count\r\nclimate,5\r\nheat,2\r\n");
        researchers.summarised(second, "count-hashtags.csv", "hashtag,count\r\nclimate,3\r\nflood,1\r\n");

        mvc.perform(get("/api/collections/compare?ids={a},{b}", first.id(), second.id()).with(SignedIn.as(ada)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.climate[0]").value(5)).andExpect(jsonPath("$.climate[1]").value(3))
                .andExpect(jsonPath("$.heat[1]").value(0)).andExpect(jsonPath("$.flood[0]").value(0));
    }

    @Test
    void theFeedIsWellFormedXmlWhateverTheQuerySays() throws Exception {
        Collection accented = collections.create(ben.id(), "café #España <über> & \"日本\"", 100, null);
        collections.published(accented.id(), true);

        String feed = mvc.perform(get("/collections/feed.atom")).andReturn().getResponse().getContentAsString();

        org.w3c.dom.Document parsed = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(feed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(parsed.getElementsByTagName("entry").item(0).getFirstChild().getNextSibling().getTextContent())
                .isEqualTo("café #España <über> & \"日本\"");
    }

    @Test
    void robotsKeepCrawlersToTheLandingPageAndTheFeed() throws Exception {
        assertThat(mvc.perform(get("/robots.txt")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("Allow: /collections/feed.atom", "Disallow: /");
    }

    private String export(Collection collection, String file, String query) throws Exception {
        MvcResult started = mvc.perform(get("/api/collections/" + collection.id() + "/export/" + file + query)
                .with(SignedIn.as(ada))).andReturn();
        started.getAsyncResult(); // the stream written whole before the dispatch reads it, not while
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String page(String id, String createdAt) {
        return "{\"data\":[{\"id\":\"" + id + "\",\"text\":\"a\",\"created_at\":\"" + createdAt
                + "\"}],\"meta\":{\"result_count\":1}}";
    }

    private ResultActions create(Member member, String json) throws Exception {
        return mvc.perform(post("/api/collections").with(SignedIn.as(member)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

}
