package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code count-media.csv}: each photo the collection's posts attach, with its URL and the number of posts attaching
 * it. Videos and GIFs are left out (dnflow's photos only: the images fetched and compared later), and so is a media
 * key the page's includes did not describe (its type is unknown).
 */
final class PhotoCounts implements Summary {

    static final String FILE = "count-media.csv";

    private final Map<String, Photo> photos = new HashMap<>();

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(Post post) {
        for (Post.Photo attached : post.photos()) {
            Photo photo = photos.computeIfAbsent(attached.key(), Photo::new);
            // the same URL again (nearly always) is not stored: a young string written into an old entry costs the
            // next young collection a card to scan
            if (!attached.url().equals(photo.url)) {
                photo.url = attached.url();
            }
            photo.count++;
        }
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Photo> sorted = new ArrayList<>(photos.values());
        sorted.sort(Comparator.comparingLong((Photo photo) -> -photo.count).thenComparing(photo -> photo.key));
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row("media_key", "url", "count");
            for (Photo photo : sorted) {
                csv.field(photo.key).field(photo.url).field(photo.count).endRow();
            }
            out.commit();
        }
    }

    /** Mutable while counting: the URL last seen for the key, the posts attaching it. */
    private static final class Photo {
        final String key;
        String url;
        long count;

        Photo(String key) {
            this.key = key;
        }
    }
}
