package org.tweetflow.collect.summary;

import com.fasterxml.jackson.databind.JsonNode;

/** A summary of the authors' figures (followers, following): it reads them into {@link AuthorMetrics}, shared or not. */
abstract class AuthorFiguresSummary implements Summary {

    private final String file;
    final AuthorMetrics metrics;

    AuthorFiguresSummary(String file, AuthorMetrics metrics) {
        this.file = file;
        this.metrics = metrics;
    }

    @Override
    public final String file() {
        return file;
    }

    @Override
    public final void accept(JsonNode tweet, PageIncludes includes) {
        metrics.see(tweet, includes);
    }
}
