package org.tweetflow.twitter;

import java.time.Instant;

/** The X account a member connected, as {@code GET /2/users/me} describes it. */
public record XAccount(String id, String username, String name, Instant createdAt) {
}
