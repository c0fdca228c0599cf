package org.tweetflow.member;

import java.time.Instant;

/** A member of this service: an Open Humans project member, and the X account they connected (if any). */
public record Member(long id, String projectMemberId, String twitterUserId, String twitterUsername,
        String twitterName, Instant twitterCreatedAt) {

    /** Whose rate budget the member's calls to X are charged to (limits are per user token). */
    public String credential() {
        return "member:" + id;
    }

    public boolean twitterConnected() {
        return twitterUserId != null;
    }
}
