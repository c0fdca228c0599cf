package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.sandbox.x.XSimulator;
import org.tweetflow.twitter.XApiException;

/**
 * The monthly usage cap pauses a kind of call for everyone; a context for each test, since the budget keeps the pause
 * until it ends.
 */
@TweetflowTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UsageCapRouteTest {

    @Autowired
    ProducerTemplate camel;

    @Autowired
    XSimulator x;

    @Autowired
    RateBudget budget;

    @Autowired
    ConnectedMembers members;

    @Autowired
    ArchiveOwners owners;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void forget() {
        x.setUsageCapped(false);
        jdbc.update("DELETE FROM fetch_pause");
        members.forgetAll();
    }

    @Test
    void usageCapPausesTimelineCallsOfEveryMember() {
        x.setUsageCapped(true);
        Exchange capped = fetch("member-capped");
        x.setUsageCapped(false);
        x.resetCounts();

        Exchange other = fetch("member-other");

        assertThat(capped.getException()).isInstanceOfSatisfying(XApiException.RateLimited.class,
                e -> assertThat(e.usageCap()).isTrue());
        assertThat(other.getException()).isInstanceOfSatisfying(XApiException.RateLimited.class,
                e -> assertThat(e.getMessage()).contains("usage cap"));
        assertThat(x.callCount("users/tweets")).as("no call while the cap holds").isZero();
    }

    @Test
    void aMemberSyncedWhileAStoredPauseHoldsIsToldOfTheUsageCapNotOfARateLimit() {
        // stored by another replica, or by an earlier run (read at the start): no 429 of this call says what it is for
        Instant monthEnd = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        budget.pause("users/tweets", monthEnd, "X usage cap reached until " + monthEnd);
        Member ada = members.connect("10000001", XSimulator.SANDY, Instant.now());
        x.resetCounts();

        SyncOutcome outcome = camel.requestBody("direct:archive-member", ada.id(), SyncOutcome.class);

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.COOLING_DOWN);
        assertThat(outcome.notBefore()).isEqualTo(monthEnd);
        assertThat(members.state(ada.id())).isEqualTo("cooling_down");
        assertThat(members.detail(ada.id())).contains("usage cap").doesNotContain("rate limit");
        assertThat(x.callCount("users/tweets")).as("no call while the pause holds").isZero();
    }

    /** Fetches for a member of its own (so with a budget of its own), Sam's account connected. */
    private Exchange fetch(String projectMemberId) {
        IsoWeek last = IsoWeek.of(Instant.now().minus(Duration.ofDays(7)));
        Member member = members.connectXOnly(projectMemberId, XSimulator.SAM, Instant.now());
        return camel.send("direct:fetch-week-range", exchange -> {
            exchange.getMessage().setBody(WeekRange.of(last, last));
            exchange.setProperty(TweetflowExchange.OWNER, owners.owner(member.id()).orElseThrow());
        });
    }
}
