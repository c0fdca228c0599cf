package org.tweetflow.archive.export;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.tweetflow.config.TweetflowProperties;

/**
 * Reads a member's uploaded X data export, the zip or its tweets .js files one by one, into {@link ExtractedPosts}:
 * only the posts (converted to the archive's shape), the manifest and account.js are read, nothing else of it is
 * kept. Everything streams: no entry or file is ever held whole, one post at a time is.
 */
@Component("exportReader")
public class ExportReader {

    private static final byte[] ZIP_START = {'P', 'K', 3, 4};

    private final TweetflowProperties.Imports settings;
    private final ExportScripts scripts;
    private final ExportZip zip;

    public ExportReader(TweetflowProperties properties) {
        this.settings = properties.imports();
        JsonFactory json = JsonFactory.builder()
                // the zip stays open for its next entry when a file's parser closes
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(settings.maxNestingDepth())
                        .maxStringLength(Math.toIntExact(settings.maxPostSize().toBytes())).build())
                .build();
        this.scripts = new ExportScripts(new ObjectMapper(json), settings);
        this.zip = new ExportZip(scripts, settings);
    }

    /**
     * Reads one uploaded file: a zip (by its name or its first bytes), else one .js file of the export known by its
     * name ({@code tweets.js}, {@code tweets-part1.js}, {@code manifest.js} …); one it does not know is counted and
     * passed over unread.
     *
     * @throws RefusedExportException with the reason for the member, when the file is not part of an X export or is
     *                                hostile, damaged or beyond the bounds; what was extracted so far stays in
     *                                {@code posts}' file, and the caller deletes it
     */
    public void read(String fileName, InputStream in, ExtractedPosts posts) {
        long room = settings.maxUploadSize().toBytes() - posts.uploaded();
        BoundedInput upload = new BoundedInput(in).bound(() -> room, "This upload is larger than "
                + ReadableSize.of(settings.maxUploadSize()) + ", more than this service takes, so it was refused.");
        String name = fileName.toLowerCase(Locale.ROOT);
        try {
            InputStream buffered = new BufferedInputStream(upload, 64 * 1024);
            if (startsLikeAZip(buffered)) {
                zip.read(buffered, posts);
            } else if (name.endsWith(".zip")) {
                throw new RefusedExportException(fileName + " is not a zip as X writes it (or it is empty), so it was "
                        + "refused.");
            } else if (name.endsWith(".js")) {
                readAlone(ExportPath.ofUpload(fileName), buffered, posts);
            } else {
                throw new RefusedExportException(fileName + " is neither the zip of an X data export nor one of its "
                        + ".js files, so it was refused.");
            }
        } catch (ZipException e) {
            throw new RefusedExportException(e.getMessage() != null && e.getMessage().contains("compression method")
                    ? fileName + " is packed with a method X does not use (Windows packs files over 2 GB with "
                            + "Deflate64): upload X's zip as it came, or its tweets files alone."
                    : damaged(fileName));
        } catch (IOException e) {
            throw new RefusedExportException(damaged(fileName));
        } finally {
            posts.uploaded(upload.count());
        }
    }

    private static String damaged(String fileName) {
        return "The upload of " + fileName + " is cut short or damaged (did the download or the upload break off?), "
                + "so it was refused.";
    }

    private void readAlone(ExportPath path, InputStream in, ExtractedPosts posts) throws IOException {
        if (path.kind() == ExportPath.Kind.OTHER || posts.alreadyRead(path.name())) {
            in.transferTo(OutputStream.nullOutputStream());
            posts.notRead();
        } else {
            scripts.read(path, in, posts);
        }
    }

    private static boolean startsLikeAZip(InputStream in) throws IOException {
        in.mark(ZIP_START.length);
        byte[] start = in.readNBytes(ZIP_START.length);
        in.reset();
        return Arrays.equals(start, ZIP_START);
    }
}
