package org.tweetflow.collect.summary;

/** What summary.json says about the collection besides its posts: its id and its query. */
public record CollectionInfo(String id, String query) {
}
