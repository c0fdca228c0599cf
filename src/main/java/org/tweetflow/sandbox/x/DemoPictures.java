package org.tweetflow.sandbox.x;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JPEG bytes of the demo pictures, encoded once each: a few dozen motifs are shared by hundreds of photos, served
 * by the media endpoint and copied into the accounts' exports.
 */
class DemoPictures {

    private final Map<DemoPhoto, byte[]> jpegs = new ConcurrentHashMap<>();

    byte[] jpeg(DemoPhoto photo) {
        return jpegs.computeIfAbsent(photo, DemoPhoto::jpeg);
    }
}
