package org.tweetflow.collect.summary;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * An edge list {@code author,target}: one row per occurrence, in file order, written as it is read (a million posts
 * make millions of edges; graph tools turn repeated edges into weights).
 */
final class EdgeSummary extends StreamedSummary {

    private final String[] header;
    /** The targets a post points at (its hashtags, the users it mentions). */
    private final Function<Post, List<String>> targets;
    private CsvWriter csv;

    EdgeSummary(String file, String fromColumn, String toColumn, Function<Post, List<String>> targets) {
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
    public void accept(Post post) throws IOException {
        if (post.authorKey() != null) {
            for (String target : targets.apply(post)) {
                csv.field(post.authorKey()).field(target).endRow();
            }
        }
    }
}
