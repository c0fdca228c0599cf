package org.tweetflow.collect;

/** A photo the collection's posts attach (count-media.csv): its media key, where X serves it, how many posts. */
public record Photo(String mediaKey, String url, long count) {
}
