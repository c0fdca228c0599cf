package org.tweetflow.collect;

/**
 * What fetching one photo gave: its MD5 (exact duplicates) and perceptual hash (near duplicates), or why it could
 * not be fetched.
 */
public record Fingerprint(Photo photo, String md5, Long phash, String failure) {

    boolean fetched() {
        return failure == null;
    }
}
