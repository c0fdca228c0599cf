package org.tweetflow.collect.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code summary.json}: the collection's id and query, the number of posts, when the summary was made
 * ({@code date}) and the time range the posts span ({@code first_tweet_at}, {@code last_tweet_at}; null when none).
 */
final class CollectionSummary implements Summary {

    static final String FILE = "summary.json";

    private final CollectionInfo collection;
    private final Instant date;
    private long tweets;
    private Instant first;
    private Instant last;

    CollectionSummary(CollectionInfo collection, Instant date) {
        this.collection = collection;
        this.date = date;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void accept(Post post) {
        tweets++;
        Instant created = post.createdAt();
        if (created != null) {
            first = first == null || created.isBefore(first) ? created : first;
            last = last == null || created.isAfter(last) ? created : last;
        }
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            try (JsonGenerator json = new JsonFactory().createGenerator(out.writer())) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("id", collection.id());
                json.writeStringField("query", collection.query());
                json.writeNumberField("num_tweets", tweets);
                json.writeStringField("date", date.toString());
                json.writeStringField("first_tweet_at", first == null ? null : first.toString());
                json.writeStringField("last_tweet_at", last == null ? null : last.toString());
                json.writeEndObject();
            }
            out.writer().write('\n');
            out.commit();
        }
    }
}
