package org.tweetflow.member;

import java.time.Instant;

/** A member of this service: an Open Humans project member, and the X account they connected (if any). */
public record Member(long id, String projectMemberId, String twitterUserId, String twitterUsername,
        String twitterName, Instant twitterCreatedAt) {

    public boolean twitterConnected() {
        return twitterUserId != null;
    }
}
