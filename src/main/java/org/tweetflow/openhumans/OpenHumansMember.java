package org.tweetflow.openhumans;

/** The member the calls act for at Open Humans: their id here (whose token) and their project member id there. */
public record OpenHumansMember(long memberId, String projectMemberId) {
}
