package org.tweetflow.sandbox.openhumans;

import java.time.Instant;

/** A demo member of the simulated Open Humans project. */
public record SimulatedMember(String projectMemberId, String username, Instant created) {
}
