package org.tweetflow.collect;

/**
 * What fetching one photo gave: its MD5 (exact duplicates) and perceptual hash (near duplicates), or why it could
 * not be fetched, and whether that was its host's doing (no answer, an open circuit breaker: a retry may fetch it)
 * rather than the photo's (gone, not a picture).
 */
public record Fingerprint(Photo photo, String md5, Long phash, String failure, boolean hostFailed) {

    /** A photo fetched, or one whose own answer failed it. */
    public Fingerprint(Photo photo, String md5, Long phash, String failure) {
        this(photo, md5, phash, failure, false);
    }

    boolean fetched() {
        return failure == null;
    }
}
