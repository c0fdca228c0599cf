package org.tweetflow.collect.summary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a collection's pages on a thread of its own, at most {@link #AHEAD} pages ahead of the summaries, and does
 * there what every summary needs first: read each post once into a {@link Post} with its page's includes. Parsing
 * and summarising overlap on two cores, and a page's tree is garbage as soon as its posts are read (it dies
 * young). Heap grows by those few pages of posts only.
 */
final class PageReader extends Thread {

    static final int AHEAD = 8;

    /**
     * One page: its posts (in order), and how far into the file its line ends (for progress).
     */
    record Page(List<Post> posts, long endOffset) {
    }

    private static final Page END = new Page(List.of(), -1);

    private final JsonParser parser;
    private final String file;
    private final BlockingQueue<Page> pages = new ArrayBlockingQueue<>(AHEAD);
    private volatile Exception failure;
    private long read;

    PageReader(JsonParser parser, String file) {
        super("summary-pages");
        setDaemon(true);
        this.parser = parser;
        this.file = file;
    }

    /** The next page, or null after the last; throws what the reading thread met. */
    Page next() throws IOException, InterruptedException {
        Page page = pages.take();
        if (page != END) {
            return page;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        return null;
    }

    /** Stops reading (done, or the summaries failed) and waits for the thread to end. */
    void stopReading() {
        interrupt();
        boolean interrupted = false;
        while (isAlive()) {
            try {
                join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many pages were read: final once {@link #next()} returned null (the end is queued after them). */
    long pagesRead() {
        return read;
    }

    private Page page(JsonNode tree, long endOffset) {
        JsonNode data = tree.path("data");
        if (data.isEmpty()) {
            return new Page(List.of(), endOffset);
        }
        PageIncludes includes = PageIncludes.of(tree.path("includes"));
        List<Post> posts = new ArrayList<>(data.size());
        for (JsonNode tweet : data) {
            posts.add(Post.of(SummaryRunner.postId(tweet.path("id").asText()), tweet, includes));
        }
        return new Page(posts, endOffset);
    }

    @Override
    public void run() {
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new MalformedCollectionException("page " + (read + 1) + " of " + file
                            + " is not a JSON object");
                }
                JsonNode tree = parser.readValueAsTree();
                read++;
                pages.put(page(tree, parser.currentLocation().getByteOffset()));
            }
        } catch (JsonProcessingException e) {
            failure = new MalformedCollectionException("page " + (read + 1) + " of " + file + " is not JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            return;
        }
        try {
            pages.put(END);
        } catch (InterruptedException e) {
            // stopped while the summaries were not taking pages: nobody waits for the end
        }
    }
}
