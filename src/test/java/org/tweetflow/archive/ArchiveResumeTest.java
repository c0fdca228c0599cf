package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.MutableClock;
import org.tweetflow.TestClock;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * A sync that goes on from what earlier ones left: the pages of X a rate limit stopped (twelve timeline calls a
 * window here).
 */
@TweetflowTest
@Import(TestClock.class)
@TestPropertySource(properties = {"tweetflow.simulation.timeline-limit=12", "tweetflow.simulation.window=PT15M"})
class ArchiveResumeTest {

    static final String ADA = "10000001";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    XSimulator x;
    @Autowired
    MutableClock clock;
    @Autowired
    ConnectedMembers members;

    @BeforeEach
    void resetCounts() {
        x.resetCounts();
    }

    @AfterEach
    void forget() {
        members.forgetAll();
    }

    @Test
    void firstSyncOfThe3200NewestPostsOverThreeWindowsCostsAtMost33TimelineCalls() throws Exception {
        Member ada = members.connect(ADA, XSimulator.VETERAN, clock.instant());
        List<Integer> callsPerWindow = new ArrayList<>();

        SyncOutcome outcome = sync(ada);
        callsPerWindow.add(x.callsInWindow("users/tweets", XSimulator.VETERAN));
        while (outcome.kind() == SyncOutcome.Kind.COOLING_DOWN && callsPerWindow.size() < 10) {
            clock.set(outcome.notBefore());
            outcome = sync(ada);
            callsPerWindow.add(x.callsInWindow("users/tweets", XSimulator.VETERAN));
        }

        assertThat(outcome.kind()).isEqualTo(SyncOutcome.Kind.SYNCED);
        assertThat(ArchiveMemberRouteTest.tweetIds(members.archive(ADA))).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(x.reachableTweetIds(XSimulator.VETERAN));
        assertThat(callsPerWindow).as("timeline calls in each window").hasSize(3);
        assertThat(callsPerWindow.stream().mapToInt(Integer::intValue).sum()).as("calls in %s", callsPerWindow)
                .isLessThanOrEqualTo(33);
    }

    private SyncOutcome sync(Member member) {
        return camel.requestBody("direct:archive-member", member.id(), SyncOutcome.class);
    }
}
