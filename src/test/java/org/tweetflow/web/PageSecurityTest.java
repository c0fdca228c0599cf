package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;

/** Every page and endpoint checks who asks; forms need their CSRF token; a forged OAuth state gets nowhere. */
@TweetflowTest
@AutoConfigureMockMvc
class PageSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    JdbcTemplate jdbc;

    Member ada;
    Member ben;

    @BeforeEach
    void twoMembers() {
        ada = connected("10000001", "1400000000000000002");
        ben = connected("10000002", "1400000000000000001");
    }

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void aMembersOwnStateIsServed() throws Exception {
        mvc.perform(get("/api/members/{id}/state", ada.id()).with(SignedIn.as(ada))).andExpect(status().isOk());
    }

    @Test
    void anotherMembersStateAnswers404() throws Exception {
        mvc.perform(get("/api/members/{id}/state", ben.id()).with(SignedIn.as(ada))).andExpect(status().isNotFound());
    }

    @Test
    void anotherMembersArchiveLinkAnswers404() throws Exception {
        mvc.perform(get("/members/{id}/archive", ben.id()).with(SignedIn.as(ada))).andExpect(status().isNotFound());
    }

    @Test
    void pagesNeedASignInAndTheApiSays401() throws Exception {
        mvc.perform(get("/dashboard").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/"));
        mvc.perform(get("/api/members/{id}/state", ada.id())).andExpect(status().isUnauthorized());
    }

    @Test
    void formWithoutCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/dashboard/sync").with(SignedIn.as(ada))).andExpect(status().isForbidden());
        mvc.perform(post("/dashboard/disconnect").param("archive", "delete").with(SignedIn.as(ada)))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Integer.class)).isZero();
        assertThat(members.find(ada.id()).orElseThrow().twitterConnected()).isTrue();
    }

    @Test
    void formWithCsrfTokenIsAccepted() throws Exception {
        mvc.perform(post("/dashboard/sync").with(SignedIn.as(ada)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dashboard"));

        assertThat(jdbc.queryForList("SELECT subject_id FROM work_item", Long.class)).containsExactly(ada.id());
    }

    @Test
    void tamperedOAuthStateIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult started = mvc.perform(get("/oauth2/authorization/openhumans").session(session))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).contains("state=");

        MvcResult callback = mvc.perform(get("/login/oauth2/code/openhumans").session(session)
                        .param("code", "a-code").param("state", "tampered-state"))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(callback.getResponse().getRedirectedUrl()).startsWith("/signin-failed");
        mvc.perform(get("/dashboard").session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/"));
    }

    private Member connected(String projectMemberId, String xUserId) {
        Member member = members.ensure(projectMemberId);
        members.connectTwitter(member.id(), xUserId, "user" + projectMemberId, "User", null);
        return members.find(member.id()).orElseThrow();
    }
}
