package org.tweetflow.archive.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.util.unit.DataSize;
import org.tweetflow.config.TweetflowProperties;

/**
 * Walks an export's zip as it streams in, entry by entry: the posts' files and the account's are read, every other
 * entry is inflated through unkept (there is no skipping a deflated entry), each under the inflation bound that stops
 * a zip bomb, read or not.
 */
final class ExportZip {

    /**
     * What the upload may inflate to beyond its bound, once (not per entry: thousands of small entries of zeros would
     * each take it): small entries (a manifest) inflate far more than large ones.
     */
    private static final long GRACE = DataSize.ofMegabytes(1).toBytes();
    /**
     * Entry names without the zip's UTF-8 flag are read as the zip format's own code page (IBM437), as Windows'
     * "compressed folder" writes them: a name is never used as a path, and an unreadable one must not fail the read.
     */
    private static final Charset LEGACY_NAMES = Charset.forName("IBM437");

    private final ExportScripts scripts;
    private final int maxInflation;

    ExportZip(ExportScripts scripts, TweetflowProperties.Imports settings) {
        this.scripts = scripts;
        this.maxInflation = settings.maxInflation();
    }

    void read(InputStream upload, ExtractedPosts posts) throws IOException {
        ZipTail zipped = new ZipTail(upload);
        ZipInputStream zip = new ZipInputStream(zipped, LEGACY_NAMES);
        boolean holdsPosts = false;
        long inflatedBefore = 0;
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            ExportPath path = ExportPath.ofEntry(entry.getName());
            long before = inflatedBefore;
            // the whole upload's inflation so far, this entry's included, against everything packed read so far
            BoundedInput inflated = new BoundedInput(zip).bound(
                    () -> maxInflation * zipped.count() + GRACE - before,
                    "An entry of this zip inflates to more than " + maxInflation + " times its packed size, as a "
                            + "zip bomb does and no X export does; the upload was refused.");
            if (path.kind() == ExportPath.Kind.JUNK) {
                inflated.drain();
            } else if (path.kind() == ExportPath.Kind.OTHER || posts.alreadyRead(path.name())) {
                inflated.drain();
                posts.notRead();
            } else {
                scripts.read(path, inflated, posts);
                holdsPosts |= path.kind().posts();
            }
            inflatedBefore += inflated.count();
        }
        zipped.drain();
        if (!zipped.endsWithCentralDirectory()) {
            throw new RefusedExportException("This zip ends before its table of contents: it was cut short (did the "
                    + "download or the upload break off?), so it was refused.");
        }
        if (!holdsPosts) {
            throw new RefusedExportException("This zip is not an X data export: it holds no data/tweets.js (nor "
                    + "tweet.js, nor data/js/tweets/ of the oldest exports), so it was refused.");
        }
        if (posts.contents().account() == null) {
            throw new RefusedExportException("This zip is not an X data export: it holds neither data/account.js nor "
                    + "data/manifest.js, so whose posts it holds is unknown.");
        }
    }
}
