package org.tweetflow.archive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tweetflow.archive.IsoWeek;

/**
 * The posts of one upload, converted, written as they are read: gzip'd JSON Lines, one {@code {"tweet": {…},
 * "media": […]}} a line (the import sorts them into weeks later), and the running account of what the upload held.
 * One upload may come as several files (a zip, or tweets.js and its parts): each is read into the same instance.
 * <p>
 * The file is the caller's: on a refusal it stays as far as it was written, and the caller deletes it.
 */
public final class ExtractedPosts implements AutoCloseable {

    private static final int PROGRESS_EVERY = 1_000;
    /** X lets an account post 2,400 times a day: no export holds more in one ISO week. */
    static final int MAX_POSTS_A_WEEK = 7 * 2_400;
    /** X writes a tweets file per 100 MB of posts: a thousand would be 100 GB of them. */
    static final int MAX_FILES_READ = 1_000;

    private final OutputStream file;
    private final JsonGenerator lines;
    private final List<ExportContents.FileRead> filesRead = new ArrayList<>();
    private final Set<String> namesRead = new HashSet<>();
    /** Posts per ISO week: about 1,000 weeks for twenty years of posting, whatever their number. */
    private final Map<IsoWeek, Integer> postsByWeek = new HashMap<>();
    private LongConsumer progress = postsRead -> { };
    private boolean postsFileRead;
    private long posts;
    private long filesNotRead;
    private long uploaded;
    private Instant newestPost;
    private ExportAccount fromAccountFile;
    private ExportAccount fromManifest;
    private ExportAccount fromPosts;
    private Instant generatedAt;
    private Long manifestPosts;
    private boolean closed;

    private ExtractedPosts(OutputStream file) throws IOException {
        this.file = file;
        this.lines = new ObjectMapper().getFactory().createGenerator(file, JsonEncoding.UTF8);
        lines.setRootValueSeparator(null);
    }

    /** Starts the file (replacing one of that name). */
    public static ExtractedPosts create(Path file) throws IOException {
        return new ExtractedPosts(new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024));
    }

    /** Told the posts read so far, every 1,000 posts. */
    public void onProgress(LongConsumer postsRead) {
        this.progress = postsRead;
    }

    /** What was read so far. */
    public ExportContents contents() {
        ExportAccount account = fromAccountFile != null ? fromAccountFile
                : fromManifest != null ? fromManifest : fromPosts;
        return new ExportContents(account, generatedAt, posts, filesRead, filesNotRead, manifestPosts, newestPost);
    }

    /**
     * Ends the file once every file of the upload was read.
     *
     * @throws RefusedExportException when none of them held X's posts
     */
    public ExportContents finish() {
        close();
        if (!postsFileRead) {
            throw new RefusedExportException("This upload holds no posts of an X data export: neither data/tweets.js "
                    + "(tweet.js, or data/js/tweets/ in the oldest exports) nor one of its parts.");
        }
        return contents();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try (OutputStream closing = file) {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void write(ConvertedPost post) {
        // the import holds a week at a time: a week fuller than anyone can post would hold the heap
        if (postsByWeek.merge(IsoWeek.of(post.createdAt()), 1, Integer::sum) > MAX_POSTS_A_WEEK) {
            throw new RefusedExportException("This upload holds more than " + MAX_POSTS_A_WEEK + " posts in the week "
                    + IsoWeek.of(post.createdAt()) + ", more than X lets anyone post (2,400 a day), so it was refused.");
        }
        try {
            lines.writeTree(post.line());
            lines.writeRaw('\n');
        } catch (IOException e) {
            // the disk, not the upload: never to be taken for a damaged zip
            throw new UncheckedIOException(e);
        }
        if (newestPost == null || post.createdAt().isAfter(newestPost)) {
            newestPost = post.createdAt();
        }
        if (fromPosts == null) {
            fromPosts = post.author();
        }
        if (++posts % PROGRESS_EVERY == 0) {
            progress.accept(posts);
        }
    }

    /** Whether a file of this name was read already (the same part uploaded twice is read once). */
    boolean alreadyRead(String name) {
        return namesRead.contains(name);
    }

    void read(String name, long postsInIt, boolean holdsPosts) {
        if (namesRead.size() >= MAX_FILES_READ) {
            throw new RefusedExportException("This upload holds more than " + MAX_FILES_READ + " tweets files, far "
                    + "more than X writes (one per 100 MB of posts), so it was refused.");
        }
        namesRead.add(name);
        filesRead.add(new ExportContents.FileRead(name, postsInIt));
        postsFileRead |= holdsPosts;
    }

    void notRead() {
        filesNotRead++;
    }

    void account(ExportAccount account) {
        fromAccountFile = account;
    }

    void manifest(ExportAccount userInfo, Instant generatedAt, Long posts) {
        this.fromManifest = userInfo;
        this.generatedAt = generatedAt;
        this.manifestPosts = posts;
    }

    /** The bytes of this upload's files read before the current one. */
    long uploaded() {
        return uploaded;
    }

    void uploaded(long more) {
        uploaded += more;
    }
}
