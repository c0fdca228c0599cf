package org.tweetflow.sandbox.x;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tweetflow.sandbox.SandboxClients;

/**
 * The pictures of the search corpus's photos, where their media {@code url} points: the sandbox's pbs.twimg.com. As
 * there, no token is asked for and a picture never changes.
 */
@RestController
@RequestMapping(SandboxClients.X_PATH + "/media")
class XMediaController {

    private final XSimulator sim;
    private final DemoPictures pictures;

    XMediaController(XSimulator sim, DemoPictures pictures) {
        this.sim = sim;
        this.pictures = pictures;
    }

    @GetMapping("/{mediaKey}.jpg")
    ResponseEntity<byte[]> photo(@PathVariable String mediaKey) {
        return sim.photo(mediaKey)
                .map(photo -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                        .body(pictures.jpeg(photo)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
