package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.Collections;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/** Creating a collection stores and queues it, or refuses it with a clear 4xx and stores nothing; only the owner sees it. */
@TweetflowTest
@AutoConfigureMockMvc
class CollectionsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    Collections collections;
    @Autowired
    JdbcTemplate jdbc;

    Member ada;
    Member ben;

    @BeforeEach
    void twoMembers() {
        ada = connected("10000001");
        ben = connected("10000002");
    }

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM collection");
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
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
    void noSignInNoCollections() throws Exception {
        mvc.perform(get("/api/collections")).andExpect(status().isUnauthorized());
    }

    private ResultActions create(Member member, String json) throws Exception {
        return mvc.perform(post("/api/collections").with(SignedIn.as(member)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private Member connected(String projectMemberId) {
        Member member = members.ensure(projectMemberId);
        members.connectTwitter(member.id(), "1400000000000000002", "user" + projectMemberId, "User", null);
        return members.find(member.id()).orElseThrow();
    }
}
