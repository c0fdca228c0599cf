package org.tweetflow.ratelimit;

/**
 * One rate-limit budget: an endpoint (e.g. {@code users/tweets}) and a credential. The credential is an opaque
 * stable id (member id or "app"), never the token itself, so keys can be logged and stored.
 */
public record BudgetKey(String endpoint, String credential) {

    @Override
    public String toString() {
        return endpoint + "@" + credential;
    }
}
