package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ArchiveDeletions;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.security.MemberSignIn;

/** What the dashboard offers in the states where the member must act. */
@TweetflowTest
@AutoConfigureMockMvc
class DashboardPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Members members;
    @Autowired
    MemberSignIn signIn;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RateBudget budget;
    @Autowired
    ObservationRegistry observations;

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM work_item");
        jdbc.update("DELETE FROM member");
    }

    @Test
    void memberWhoseXAccessWasRefusedIsOfferedToConnectXAgain() throws Exception {
        Member ada = connected("10000001");
        state(ada, "needs_reconnect", "X no longer accepts this service's access: connect your X account again");

        Document page = dashboard(ada);

        assertThat(page.getElementById("state").text()).startsWith("Needs reconnect: X no longer accepts");
        assertThat(page.selectFirst("[data-reconnect]").hasAttr("hidden")).isFalse();
        assertThat(page.getElementById("reconnect-x").attr("href")).isEqualTo("/oauth2/authorization/twitter");
    }

    @Test
    void memberInGoodStandingIsNotOfferedToConnectAgain() throws Exception {
        Member ada = connected("10000001");
        state(ada, "idle", null);

        assertThat(dashboard(ada).selectFirst("[data-reconnect]").hasAttr("hidden")).isTrue();
    }

    @Test
    void signingInAgainAfterAReconnectIsNeededQueuesASync() throws Exception {
        Member ada = connected("10000001");
        state(ada, "needs_reconnect", "Open Humans no longer accepts this service's access: sign in again");

        signIn.onAuthenticationSuccess(new MockHttpServletRequest(), new MockHttpServletResponse(),
                new TestingAuthenticationToken("10000001", null));

        assertThat(jdbc.queryForList("SELECT subject_id FROM work_item", Long.class)).containsExactly(ada.id());
    }

    @Test
    void aPageIsObservedAsOneRequestNotOncePerSecurityFilter() throws Exception {
        List<String> observed = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.add(context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        Member ada = connected("10000001");

        dashboard(ada);

        assertThat(observed).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void syncNowWithoutAConnectedXAccountLeadsToConnectingIt() throws Exception {
        Member ada = members.ensure("10000001");

        mvc.perform(post("/dashboard/sync").with(SignedIn.as(ada)).with(csrf())).andExpect(redirectedUrl("/connect"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_item", Integer.class)).isZero();
    }

    @Test
    void connectPageSaysAnArchiveDeletionOpenHumansHasNotConfirmedIsStillUnderWay() throws Exception {
        Member ada = members.ensure("10000001");
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO work_item (kind, subject_id, reason, not_before, queued_at) VALUES (?, ?, ?, ?, ?)",
                ArchiveDeletions.KIND, ada.id(), "requested", now, now);

        Document page = Jsoup.parse(mvc.perform(get("/connect").with(SignedIn.as(ada))).andReturn().getResponse()
                .getContentAsString());

        assertThat(page.getElementById("deletion-pending").text())
                .startsWith("Open Humans has not confirmed deleting your archive yet");
    }

    @Test
    void accountOlderThanXsTimelineIsToldWhyItsArchiveBeginsInNovember2010() throws Exception {
        Member vera = connected("10000001", Instant.parse("2007-03-14T09:00:00Z"));

        Document page = dashboard(vera);

        assertThat(page.getElementById("floor-note").text()).isEqualTo("Your X account dates from March 2007, but X "
                + "serves no posts from before 6 November 2010: import the archive X lets you download (below) for "
                + "the posts before then.");
        assertThat(page.getElementById("limit-note").text()).contains("newest 3,200 posts");
        assertThat(page.getElementById("import-link").attr("href")).isEqualTo("/import");
    }

    @Test
    void accountYoungerThanXsTimelineIsNotToldAboutIt() throws Exception {
        Member ada = connected("10000001", Instant.parse("2015-06-01T00:00:00Z"));

        assertThat(dashboard(ada).getElementById("floor-note")).isNull();
    }

    @Test
    void figuresHaveThousandsSeparators() throws Exception {
        Member vera = connected("10000001");
        jdbc.update("""
                INSERT INTO archive_state (member_id, state, week_index, week_count, tweets, weeks, first_week,
                last_week, updated_at) VALUES (?, 'syncing', 1200, 1841, 3167, 1841, '2010-W44', '2026-W49', ?)""",
                vera.id(), Timestamp.from(Instant.now()));

        Document page = dashboard(vera);

        assertThat(page.getElementById("tweets").text()).isEqualTo("3,167");
        assertThat(page.getElementById("weeks").text()).isEqualTo("1,841 (2010-W44 to 2026-W49)");
        assertThat(page.getElementById("state").text()).isEqualTo("Syncing: week 1,200 of 1,841");
    }

    @Test
    void beforeTheFirstSyncNothingShowsEmptyParentheses() throws Exception {
        Document page = dashboard(connected("10000001"));

        assertThat(page.getElementById("weeks").text()).isEqualTo("0");
        assertThat(page.getElementById("status-card").text()).doesNotContain("()");
    }

    @Test
    void syncNowIsOfferedWhileAllowed() throws Exception {
        Member ada = connected("10000001");
        state(ada, "idle", null);

        Document page = dashboard(ada);

        assertThat(page.getElementById("sync-now").hasAttr("disabled")).isFalse();
        assertThat(page.getElementById("sync-now-note").text()).isEmpty();
    }

    @Test
    void syncNowIsDisabledWithTheTimeItBecomesPossibleAfterAMemberJustAskedForOne() throws Exception {
        Member ada = connected("10000001");
        state(ada, "idle", null);
        Instant asked = Instant.now().minusSeconds(600);
        jdbc.update("UPDATE archive_state SET sync_requested_at = ? WHERE member_id = ?", Timestamp.from(asked),
                ada.id());

        Document page = dashboard(ada);

        assertThat(page.getElementById("sync-now").hasAttr("disabled")).isTrue();
        assertThat(page.getElementById("sync-now-note").text()).isEqualTo("You asked for a sync a short while ago; "
                + "you can ask again from " + MemberDashboard.format(asked.plusSeconds(3600)) + ".");
    }

    @Test
    void syncNowIsDisabledWhileASyncIsUnderWay() throws Exception {
        Member ada = connected("10000001");
        state(ada, "syncing", null);

        Document page = dashboard(ada);

        assertThat(page.getElementById("sync-now").hasAttr("disabled")).isTrue();
        assertThat(page.getElementById("sync-now-note").text()).isEqualTo("A sync is under way.");
    }

    @Test
    void aSyncWaitingForTheOperatorsToResumeFetchingSaysSoInsteadOfACooldownTime() throws Exception {
        Member ada = connected("10000001");
        state(ada, "cooling_down", "fetching from X is paused by the operators");
        jdbc.update("UPDATE archive_state SET cooldown_until = ? WHERE member_id = ?", Timestamp.from(Instant.now()),
                ada.id());

        budget.pauseAll();
        Document page;
        try {
            page = dashboard(ada);
        } finally {
            budget.resumeAll();
        }

        assertThat(page.getElementById("state").text())
                .isEqualTo("Paused: fetching from X is paused by the operators; your sync goes on when they resume it");
        assertThat(page.selectFirst("[data-field=nextPlannedSync]").text()).isEqualTo("when fetching from X resumes");
        assertThat(page.getElementById("sync-now-note").text())
                .isEqualTo("The sync goes on by itself when fetching from X resumes.");
    }

    private Document dashboard(Member member) throws Exception {
        return Jsoup.parse(mvc.perform(get("/dashboard").with(SignedIn.as(member))).andReturn().getResponse()
                .getContentAsString());
    }

    private Member connected(String projectMemberId) {
        return connected(projectMemberId, null);
    }

    private Member connected(String projectMemberId, Instant createdAt) {
        Member member = members.ensure(projectMemberId);
        members.connectTwitter(member.id(), "1400000000000000002", "small_sam", "Small Sam", createdAt);
        return members.find(member.id()).orElseThrow();
    }

    private void state(Member member, String state, String detail) {
        jdbc.update("INSERT INTO archive_state (member_id, state, detail, updated_at) VALUES (?, ?, ?, ?)", member.id(),
                state, detail, Timestamp.from(Instant.now()));
    }
}
