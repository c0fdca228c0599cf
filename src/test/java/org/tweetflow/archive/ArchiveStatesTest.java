package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.TweetflowTest;
import org.tweetflow.member.Members;

/** The progress a sync shows ("week k of n") as the archive state keeps it. */
@TweetflowTest
class ArchiveStatesTest {

    @Autowired
    ArchiveStates states;
    @Autowired
    Members members;
    @Autowired
    JdbcTemplate jdbc;

    long member;

    @BeforeEach
    void aMember() {
        member = members.ensure("10000001").id();
    }

    @AfterEach
    void forget() {
        jdbc.update("DELETE FROM member");
    }

    @Test
    void weekTotalOfASyncStaysTheSameAfterACooldownAndItsProgressGoesOn() {
        states.started(member);
        states.syncing(member, 0, 841);
        states.syncing(member, 370, 841);
        states.coolingDown(member, Instant.now().plusSeconds(900), "X's rate limit is reached");
        assertThat(progress()).as("paused at").containsExactly(370, 841);

        states.started(member);
        states.syncing(member, 0, 471); // the resumed part plans only the weeks still missing
        assertThat(progress()).containsExactly(370, 841);
        states.syncing(member, 100, 471);
        assertThat(progress()).containsExactly(470, 841);
        states.syncing(member, 471, 471);
        assertThat(progress()).containsExactly(841, 841);
    }

    @Test
    void aNewSyncCountsItsOwnWeeks() {
        states.started(member);
        states.syncing(member, 841, 841);
        states.idle(member);

        states.started(member);
        states.syncing(member, 0, 2);

        assertThat(progress()).containsExactly(0, 2);
    }

    private Integer[] progress() {
        return jdbc.queryForObject("SELECT week_index, week_count FROM archive_state WHERE member_id = ?",
                (rs, row) -> new Integer[] {rs.getObject(1, Integer.class), rs.getObject(2, Integer.class)}, member);
    }
}
