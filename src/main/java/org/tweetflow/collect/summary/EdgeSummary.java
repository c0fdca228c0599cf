package org.tweetflow.collect.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An edge list {@code author,target}: one row per occurrence, in file order, written as it is read (a million posts
 * make millions of edges; graph tools turn repeated edges into weights).
 */
final class EdgeSummary extends StreamedSummary {

    /** The targets a post points at (its hashtags, the users it mentions). */
    @FunctionalInterface
    interface Targets {
        void of(JsonNode tweet, Consumer<String> sink);
    }

    private final String[] header;
    private final Targets targets;
    private CsvWriter csv;
    private String author;
    private final Consumer<String> edge = target -> {
        try {
            csv.field(author).field(target).endRow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    EdgeSummary(String file, String fromColumn, String toColumn, Targets targets) {
        super(file);
        this.header = new String[] {fromColumn, toColumn};
        this.targets = targets;
    }

    @Override
    void opened(OutputFile out) throws IOException {
        csv = out.csv();
        csv.row(header);
    }

    @Override
    public void accept(JsonNode tweet, PageIncludes includes) throws IOException {
        author = PostFields.authorKey(tweet, includes);
        if (author != null) {
            try {
                targets.of(tweet, edge);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
