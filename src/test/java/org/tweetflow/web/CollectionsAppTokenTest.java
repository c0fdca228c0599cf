package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.ProducerTemplate;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.collect.CollectOutcome;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.collect.RecurringCollections;
import org.tweetflow.member.Member;
import org.tweetflow.member.Members;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * With the app's bearer token configured, collections search as the app: in the app's window, not their owner's,
 * also for a member who never connected X; and a token X refuses fails the collection with a reason for the operator.
 * The members here have no X tokens stored, so a search with a member's token could not even be sent.
 */
@TweetflowTest
@AutoConfigureMockMvc
@Import(TestClock.class)
@TestPropertySource(properties = "tweetflow.twitter.bearer-token=" + SandboxClients.X_APP_BEARER_TOKEN)
class CollectionsAppTokenTest {

    static final String SEARCH = "search/recent";

    @Autowired
    MockMvc mvc;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    Researchers researchers;
    @Autowired
    Members members;
    @Autowired
    NewCollections newCollections;
    @Autowired
    Collections collections;
    @Autowired
    RecurringCollections repeats;
    @Autowired
    SandboxFaults faults;
    @Autowired
    XSimulator x;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Instant started;

    @BeforeEach
    void rememberTheTime() {
        started = clock.instant();
    }

    @AfterEach
    void forget() {
        faults.clear();
        clock.set(started);
        researchers.forgetAll();
        x.resetCounts();
    }

    @Test
    void aCollectionIsSearchedInTheAppsWindowNotItsOwners() {
        Member sam = researchers.connected("10000001");
        Collection asked = newCollections.start(sam.id(), "#climate", 150, null);

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);

        assertThat(collections.find(asked.id()).orElseThrow().collected()).isEqualTo(150);
        assertThat(x.callsInWindow(SEARCH, XSimulator.APP_CALLER)).isEqualTo(2);
        assertThat(x.callsInWindow(SEARCH, XSimulator.SAM)).as("the owner's window").isZero();
    }

    @Test
    void aMemberWithoutXStartsCollectionsFromThePageAndTheApiAndTheyRunAndRepeat() throws Exception {
        Member cleo = members.ensure("10000003");

        String page = mvc.perform(get("/collections").with(SignedIn.as(cleo))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).getElementById("new-collection")).as("the form").isNotNull();
        mvc.perform(post("/collections").with(SignedIn.as(cleo)).with(csrf()).param("query", "#climate")
                .param("max_count", "50").param("repeat", "daily")).andExpect(redirectedUrlPattern("/collections/*"));
        mvc.perform(post("/api/collections").with(SignedIn.as(cleo)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"query\":\"#opendata\",\"max_count\":20}"))
                .andExpect(status().isCreated());
        Collection daily = collections.of(cleo.id()).stream().filter(c -> c.repeat() != null).findFirst()
                .orElseThrow();

        for (Collection asked : collections.of(cleo.id())) {
            assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.COLLECTED);
        }

        assertThat(collections.of(cleo.id())).extracting(Collection::collected).containsExactlyInAnyOrder(50, 20);
        jdbc.update("DELETE FROM work_item"); // the runs' items, settled as a worker would
        clock.set(daily.nextRunAt().plus(Duration.ofSeconds(30)));
        assertThat(repeats.queueDue()).as("its repeats are due, X or not").isEqualTo(1);
    }

    @Test
    void anAppTokenXRefusesFailsTheCollectionNamingTheOperatorsSettingWithoutRenewingAnyToken() {
        Member sam = researchers.connected("10000001");
        Collection asked = newCollections.start(sam.id(), "#climate", 150, null);
        faults.inject(Fault.status("GET", "/x/2/tweets/search/recent", 401,
                "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));

        assertThat(collect(asked).kind()).isEqualTo(CollectOutcome.Kind.FAILED);

        Collection failed = collections.find(asked.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(Collection.FAILED);
        assertThat(failed.detail()).startsWith("X refused the app bearer token (TWEETFLOW_TWITTER_BEARER_TOKEN)");
        assertThat(x.callCount(SEARCH)).as("not sent again").isZero();
    }

    private CollectOutcome collect(Collection collection) {
        return camel.requestBody("direct:collect-search", collection.id(), CollectOutcome.class);
    }
}
