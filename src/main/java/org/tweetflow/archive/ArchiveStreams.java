package org.tweetflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tweetflow.twitter.TimelinePage;

/**
 * Reads and merges archive files as streams, one week at a time: heap use follows the largest week, never the
 * archive (which grows for years, to hundreds of MB).
 */
@Component("archiveStreams")
public class ArchiveStreams {

    private final ObjectMapper mapper;

    public ArchiveStreams(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The weeks an existing archive holds and when each was fetched, and the account it names, in one pass that
     * skips over the tweets.
     */
    public ArchiveSummary index(InputStream archive) throws IOException {
        TreeMap<IsoWeek, Instant> fetchedAt = new TreeMap<>();
        long[] tweets = {0};
        JsonNode[] account = {null};
        try (JsonParser parser = mapper.getFactory().createParser(archive)) {
            forEachWeek(parser, named -> account[0] = named, week -> {
                IsoWeek id = IsoWeek.parse(week.path("week").asText());
                fetchedAt.put(id, Instant.parse(week.path("fetched_at").asText()));
                tweets[0] += week.path("tweets").size();
            });
        }
        return summary(account[0], fetchedAt, tweets[0]);
    }

    /**
     * Writes the merged archive: existing weeks in ascending order, each fetched week replacing the old content of
     * its week, tweet ids deduplicated within the week they belong to (so at most once in the file).
     */
    public ArchiveSummary merge(InputStream existing, SortedMap<IsoWeek, FetchedWeek> fetched,
            Map<String, Object> account, Instant updatedAt, OutputStream out) throws IOException {
        TreeMap<IsoWeek, Instant> fetchedAt = new TreeMap<>();
        long[] tweets = {0};
        Iterator<FetchedWeek> pending = fetched.values().iterator();
        FetchedWeek[] next = {pending.hasNext() ? pending.next() : null};
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("format", ArchiveFormat.FORMAT);
            gen.writeObjectField("account", account);
            gen.writeStringField("updated_at", updatedAt.toString());
            gen.writeArrayFieldStart("weeks");
            WeekWriter writer = (week, fetchedTime, weekTweets, includes) -> {
                tweets[0] += writeWeek(gen, week, fetchedTime, weekTweets, includes);
                fetchedAt.put(week, fetchedTime);
            };
            if (existing != null) {
                try (JsonParser parser = mapper.getFactory().createParser(existing)) {
                    forEachWeek(parser, replacedBelow -> { }, old -> {
                        IsoWeek week = IsoWeek.parse(old.path("week").asText());
                        while (next[0] != null && next[0].week().compareTo(week) < 0) {
                            writeFetched(writer, next[0]);
                            next[0] = pending.hasNext() ? pending.next() : null;
                        }
                        if (next[0] != null && next[0].week().equals(week)) {
                            return; // re-fetched: the new content replaces this week when its turn comes
                        }
                        writer.write(week, Instant.parse(old.path("fetched_at").asText()),
                                TimelinePage.items(old.path("tweets")),
                                TimelinePage.includes(old.path("includes")));
                    });
                }
            }
            while (next[0] != null) {
                writeFetched(writer, next[0]);
                next[0] = pending.hasNext() ? pending.next() : null;
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        return summary(mapper.valueToTree(account), fetchedAt, tweets[0]);
    }

    private static void writeFetched(WeekWriter writer, FetchedWeek week) throws IOException {
        writer.write(week.week(), week.fetchedAt(), week.tweets(), week.includes());
    }

    private static int writeWeek(JsonGenerator gen, IsoWeek week, Instant fetchedAt, List<JsonNode> tweets,
            Map<String, List<JsonNode>> includes) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("week", week.toString());
        gen.writeStringField("start", week.start().toString());
        gen.writeStringField("end", week.end().toString());
        gen.writeBooleanField("complete", WeekPlanner.isComplete(week, fetchedAt));
        gen.writeStringField("fetched_at", fetchedAt.toString());
        gen.writeArrayFieldStart("tweets");
        Set<String> ids = new HashSet<>();
        for (JsonNode tweet : tweets) {
            if (ids.add(tweet.path("id").asText())) {
                gen.writeTree(tweet);
            }
        }
        gen.writeEndArray();
        gen.writeObjectFieldStart("includes");
        for (String type : ArchiveFormat.INCLUDES) {
            gen.writeArrayFieldStart(type);
            Set<String> keys = new HashSet<>();
            for (JsonNode item : includes.getOrDefault(type, List.of())) {
                if (keys.add(item.path("id").asText(item.path("media_key").asText()))) {
                    gen.writeTree(item);
                }
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
        gen.writeEndObject();
        return ids.size();
    }

    /**
     * Calls back with the top-level {@code account} object and once per element of the top-level {@code weeks}
     * array, each read alone into a tree.
     */
    private void forEachWeek(JsonParser parser, Consumer<JsonNode> onAccount, WeekConsumer consumer)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedArchiveException("an archive must be a JSON object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("weeks".equals(field) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    ObjectNode week = parser.readValueAsTree();
                    consumer.accept(week);
                }
            } else if ("account".equals(field) && value == JsonToken.START_OBJECT) {
                onAccount.accept(parser.readValueAsTree());
            } else {
                parser.skipChildren();
            }
        }
    }

    private static ArchiveSummary summary(JsonNode account, TreeMap<IsoWeek, Instant> weeks, long tweets) {
        return new ArchiveSummary(account, weeks, tweets, weeks.size(), weeks.isEmpty() ? null : weeks.firstKey(),
                weeks.isEmpty() ? null : weeks.lastKey());
    }

    @FunctionalInterface
    private interface WeekConsumer {
        void accept(ObjectNode week) throws IOException;
    }

    @FunctionalInterface
    private interface WeekWriter {
        void write(IsoWeek week, Instant fetchedAt, List<JsonNode> tweets, Map<String, List<JsonNode>> includes)
                throws IOException;
    }
}
