package org.tweetflow.collect.summary;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Streams a collection's JSON Lines (one X v2 search page a line, as twarc writes them) once and feeds each post to
 * the summaries given, read once into a {@link Post}. A post whose id was seen before (a page appended twice, a
 * resumed run) is skipped: every summary counts each post once, as first seen. Heap holds a few pages
 * of posts ({@link PageReader}), the seen ids (8 bytes a post, 16 with the table's slack) and what the summaries
 * keep. The seen ids are looked up here rather than on the reader's thread, which parsing keeps the busier.
 */
@Component("summaryRunner")
public class SummaryRunner {

    /** Progress is reported every this many posts read (and at the end). */
    static final int PROGRESS_EVERY = 10_000;

    private final ObjectMapper mapper;

    public SummaryRunner(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Runs {@code summaries} over the collection in one pass; their files appear in {@code dir} at the end. */
    public SummaryResult run(Path collection, Path dir, List<Summary> summaries, Consumer<SummaryProgress> progress)
            throws IOException {
        return run(collection, Files.size(collection), dir, summaries, progress);
    }

    /** The same over the first {@code committed} bytes only: what a run recorded, not what it may still cut. */
    public SummaryResult run(Path collection, long committed, Path dir, List<Summary> summaries,
            Consumer<SummaryProgress> progress) throws IOException {
        // the raw pages first: a collection deleted meanwhile fails here instead of getting its directory back
        long total = Math.min(committed, Files.size(collection));
        Files.createDirectories(dir);
        long pages = 0;
        long posts = 0;
        long duplicates = 0;
        LongSet seen = new LongSet();
        try {
            for (Summary summary : summaries) {
                summary.start(dir);
            }
            try (InputStream in = CommittedBytes.of(collection, total);
                    JsonParser parser = mapper.getFactory().createParser(in)) {
                PageReader reader = new PageReader(parser, collection.toString());
                reader.start();
                try {
                    for (PageReader.Page page = reader.next(); page != null; page = reader.next()) {
                        long before = posts + duplicates;
                        for (Post post : page.posts()) {
                            if (!seen.add(post.id())) {
                                duplicates++;
                                continue;
                            }
                            posts++;
                            for (Summary summary : summaries) {
                                summary.accept(post);
                            }
                        }
                        if ((posts + duplicates) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                            progress.accept(new SummaryProgress(posts, duplicates, page.endOffset(), total, false));
                        }
                    }
                    pages = reader.pagesRead();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("summarising " + collection + " was interrupted");
                } finally {
                    reader.stopReading();
                }
            }
            for (Summary summary : summaries) {
                summary.writeTo(dir);
            }
        } finally {
            closeAll(summaries);
        }
        progress.accept(new SummaryProgress(posts, duplicates, total, total, true));
        return new SummaryResult(pages, posts, duplicates, summaries.stream().map(Summary::file).toList());
    }

    /** A post id as a number: X's ids are decimal snowflakes that fit a long. */
    static long postId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new MalformedCollectionException("a post id must be a decimal number, not \"" + id + "\"");
        }
    }

    /** Every summary is closed even when one fails to; the first failure is thrown, the others added to it. */
    private static void closeAll(List<Summary> summaries) throws IOException {
        IOException failure = null;
        for (Summary summary : summaries) {
            try {
                summary.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
