package org.tweetflow.collect;

/**
 * What one member has running: the collections queued or collecting (rate limited and retrying ones too), and the
 * recurring ones that still repeat.
 */
public record MemberCollections(int active, int repeating) {
}
