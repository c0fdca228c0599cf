package org.tweetflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tweetflow.twitter.Includes;
import org.tweetflow.twitter.TimelinePage;

/**
 * Reads and merges archive files as streams, one week at a time: heap use follows the largest week, never the
 * archive (which grows for years, to hundreds of MB).
 */
@Component("archiveStreams")
public class ArchiveStreams {

    /** Newest first: post ids are snowflakes, so a longer id is a later one. */
    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator
            .comparing((JsonNode tweet) -> id(tweet).length()).thenComparing(ArchiveStreams::id).reversed();

    /**
     * A week's mark when a rate limit stopped its fetch inside it: its posts older than this id are still to be
     * fetched, below the newer ones the week holds.
     */
    static final String RESUME_UNTIL_ID = "resume_until_id";

    private final ObjectMapper mapper;

    public ArchiveStreams(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The weeks an existing archive holds (and which of them whole) and the account it names, in one pass that
     * skips over the tweets.
     */
    public ArchiveSummary index(InputStream archive) throws IOException {
        Counts counts = new Counts();
        JsonNode[] account = {null};
        try (JsonParser parser = mapper.getFactory().createParser(archive)) {
            forEachWeek(parser, named -> account[0] = named, week -> counts.add(IsoWeek.parse(week.path("week")
                    .asText()), week.path("complete").asBoolean(false), fromExport(week),
                    Instant.parse(week.path("fetched_at").asText()), resumeUntilId(week), week.path("tweets").size()));
        }
        return counts.summary(account[0]);
    }

    /**
     * Writes the merged archive, weeks ascending. The archive only grows: a week fetched again keeps every post it
     * held, a re-fetched copy replacing its older one (fresher metrics), and an edited post replaces its earlier
     * versions wherever they are. Each week's includes are exactly what its posts reference.
     */
    public ArchiveSummary merge(InputStream existing, SortedMap<IsoWeek, FetchedWeek> fetched,
            Map<String, Object> account, Instant updatedAt, OutputStream out) throws IOException {
        Iterator<FetchedWeek> pending = fetched.values().iterator();
        FetchedWeek[] next = {pending.hasNext() ? pending.next() : null};
        return write(account, updatedAt, earlierVersions(fetched.values()), writer -> {
            if (existing != null) {
                try (JsonParser parser = mapper.getFactory().createParser(existing)) {
                    // the account is written anew from the member's connection, not copied
                    forEachWeek(parser, archivedAccount -> { }, node -> {
                        FetchedWeek archived = archivedWeek(node);
                        while (next[0] != null && next[0].week().compareTo(archived.week()) < 0) {
                            writer.write(next[0]);
                            next[0] = pending.hasNext() ? pending.next() : null;
                        }
                        if (next[0] != null && next[0].week().equals(archived.week())) {
                            writer.write(merged(archived, next[0]));
                            next[0] = pending.hasNext() ? pending.next() : null;
                        } else {
                            writer.write(archived);
                        }
                    });
                }
            }
            while (next[0] != null) {
                writer.write(next[0]);
                next[0] = pending.hasNext() ? pending.next() : null;
            }
        }, out);
    }

    /**
     * Writes an archive of weeks handed over one at a time, ascending, each written as it comes (the sorted posts of
     * the member's X data export): heap holds one week, however many there are.
     */
    public ArchiveSummary write(Map<String, Object> account, Instant updatedAt, Weeks weeks, OutputStream out)
            throws IOException {
        return write(account, updatedAt, Set.of(), weeks, out);
    }

    private ArchiveSummary write(Map<String, Object> account, Instant updatedAt, Set<String> superseded, Weeks weeks,
            OutputStream out) throws IOException {
        Counts counts = new Counts();
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("format", ArchiveFormat.FORMAT);
            gen.writeObjectField("account", account);
            gen.writeStringField("updated_at", updatedAt.toString());
            gen.writeArrayFieldStart("weeks");
            weeks.writeTo(week -> counts.add(week.week(), week.complete(), week.fromExport(), week.fetchedAt(),
                    week.resumeUntilId(), writeWeek(gen, week, superseded)));
            gen.writeEndArray();
            gen.writeEndObject();
        }
        return counts.summary(mapper.valueToTree(account));
    }

    private static FetchedWeek archivedWeek(JsonNode week) {
        return new FetchedWeek(IsoWeek.parse(week.path("week").asText()),
                Instant.parse(week.path("fetched_at").asText()), week.path("complete").asBoolean(false),
                TimelinePage.items(week.path("tweets")), new Includes().add(week.path("includes")),
                resumeUntilId(week), fromExport(week));
    }

    /** Whether a week, or a post, carries the mark of the member's X data export. */
    private static boolean fromExport(JsonNode weekOrPost) {
        return weekOrPost.path(ArchiveFormat.FROM_EXPORT).asBoolean(false);
    }

    private static String resumeUntilId(JsonNode week) {
        return week.path(RESUME_UNTIL_ID).isTextual() ? week.path(RESUME_UNTIL_ID).asText() : null;
    }

    /**
     * The archived week with the fetched one laid over it: nothing archived is dropped. A week still missing its
     * oldest posts goes on below the older of the two marks. A copy from the member's X data export never replaces
     * one from X's API (fresher, richer), whichever is laid over the other, nor do its includes; the week keeps the
     * export's mark until a fetch from X reached its end.
     */
    private static FetchedWeek merged(FetchedWeek archived, FetchedWeek fetched) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        archived.tweets().forEach(tweet -> byId.put(id(tweet), tweet));
        fetched.tweets().forEach(tweet -> byId.merge(id(tweet), tweet,
                (kept, over) -> fromExport(over) && !fromExport(kept) ? kept : over));
        boolean complete = fetched.complete() || archived.complete();
        Includes includes = fetched.fromExport() && !archived.fromExport()
                ? new Includes().add(fetched.includes()).add(archived.includes())
                : new Includes().add(archived.includes()).add(fetched.includes());
        boolean fromExport = (archived.fromExport() || fetched.fromExport()) && !fetchedToItsEnd(archived)
                && !fetchedToItsEnd(fetched);
        return new FetchedWeek(fetched.week(), fetched.fetchedAt(), complete, List.copyOf(byId.values()), includes,
                complete ? null : olderId(archived.resumeUntilId(), fetched.resumeUntilId()), fromExport);
    }

    /** A week a fetch from X's API reached the end of. */
    private static boolean fetchedToItsEnd(FetchedWeek week) {
        return week.complete() && !week.fromExport();
    }

    /** The older of two post ids, either of which may be null. */
    private static String olderId(String one, String other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return Long.parseLong(one) < Long.parseLong(other) ? one : other;
    }

    /** The ids of earlier versions of the fetched posts (X gives an edited post a new id). */
    private static Set<String> earlierVersions(Iterable<FetchedWeek> fetched) {
        Set<String> earlier = new HashSet<>();
        for (FetchedWeek week : fetched) {
            week.tweets().forEach(tweet -> earlier.addAll(Includes.earlierVersions(tweet)));
        }
        return earlier;
    }

    /** Writes one week, newest post first, each id once; returns the number of posts written. */
    private static int writeWeek(JsonGenerator gen, FetchedWeek week, Set<String> superseded) throws IOException {
        Map<String, JsonNode> tweets = new LinkedHashMap<>();
        week.tweets().stream().filter(tweet -> !superseded.contains(id(tweet))).sorted(NEWEST_FIRST)
                .forEach(tweet -> tweets.putIfAbsent(id(tweet), tweet));
        gen.writeStartObject();
        gen.writeStringField("week", week.week().toString());
        gen.writeStringField("start", week.week().start().toString());
        gen.writeStringField("end", week.week().end().toString());
        gen.writeBooleanField("complete", week.complete());
        gen.writeStringField("fetched_at", week.fetchedAt().toString());
        if (!week.complete() && week.resumeUntilId() != null) {
            gen.writeStringField(RESUME_UNTIL_ID, week.resumeUntilId());
        }
        if (week.fromExport()) {
            gen.writeBooleanField(ArchiveFormat.FROM_EXPORT, true);
        }
        gen.writeArrayFieldStart("tweets");
        for (JsonNode tweet : tweets.values()) {
            gen.writeTree(tweet);
        }
        gen.writeEndArray();
        gen.writeObjectFieldStart("includes");
        for (Map.Entry<String, List<JsonNode>> type : week.includes().referencedBy(tweets.values()).entrySet()) {
            gen.writeArrayFieldStart(type.getKey());
            for (JsonNode item : type.getValue()) {
                gen.writeTree(item);
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
        gen.writeEndObject();
        return tweets.size();
    }

    private static String id(JsonNode tweet) {
        return tweet.path("id").asText();
    }

    /**
     * Writes one archive holding everything two archive files of the same account hold, weeks ascending, as the
     * sync's starting point when Open Humans has more than one (an interrupted replacement, overlapping syncs). A
     * week both hold keeps every post of either, the copy of the later fetch replacing the other; it is whole if
     * either is whole. Heap: a week of each file at a time, whatever their size.
     */
    public void combine(InputStream one, InputStream other, OutputStream out) throws IOException {
        try (JsonParser first = mapper.getFactory().createParser(one);
                JsonParser second = mapper.getFactory().createParser(other);
                JsonGenerator gen = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            WeekReader left = new WeekReader(first);
            WeekReader right = new WeekReader(second);
            gen.writeStartObject();
            gen.writeStringField("format", ArchiveFormat.FORMAT);
            gen.writeArrayFieldStart("weeks");
            FetchedWeek l = left.nextWeek();
            FetchedWeek r = right.nextWeek();
            while (l != null || r != null) {
                int order = l == null ? 1 : r == null ? -1 : l.week().compareTo(r.week());
                if (order == 0) {
                    FetchedWeek both = r.fetchedAt().isAfter(l.fetchedAt()) ? merged(l, r) : merged(r, l);
                    writeWeek(gen, both, earlierVersions(List.of(both)));
                } else {
                    writeWeek(gen, order < 0 ? l : r, Set.of());
                }
                l = order <= 0 ? left.nextWeek() : l;
                r = order >= 0 ? right.nextWeek() : r;
            }
            gen.writeEndArray();
            // after the weeks: an archive may name its account anywhere, and both files have been read through
            JsonNode account = sameAccount(left.account(), right.account());
            if (account != null) {
                gen.writeObjectField("account", account);
            }
            gen.writeEndObject();
        }
    }

    /** The account two archive files name: they must not be two different ones. */
    private static JsonNode sameAccount(JsonNode one, JsonNode other) {
        if (one != null && other != null && !one.path("id").asText().equals(other.path("id").asText())) {
            throw new ArchiveOfAnotherAccountException("two archive files on Open Humans hold the posts of different "
                    + "X accounts (@" + one.path("username").asText() + " and @" + other.path("username").asText()
                    + "). Delete the one you do not want on Open Humans and the next sync merges the other");
        }
        return one != null ? one : other;
    }

    /**
     * Calls back with the top-level {@code account} object (once the weeks are read) and once per element of the
     * top-level {@code weeks} array, each read alone into a tree.
     */
    private void forEachWeek(JsonParser parser, Consumer<JsonNode> onAccount, WeekConsumer consumer)
            throws IOException {
        WeekReader reader = new WeekReader(parser);
        for (ObjectNode week = reader.next(); week != null; week = reader.next()) {
            consumer.accept(week);
        }
        if (reader.account() != null) {
            onAccount.accept(reader.account());
        }
    }

    /**
     * Pulls the elements of an archive's top-level {@code weeks} array one at a time, each read alone into a tree,
     * and keeps the top-level {@code account} object wherever it stands.
     */
    private static final class WeekReader {

        private final JsonParser parser;
        private JsonNode account;
        private boolean inWeeks;

        WeekReader(JsonParser parser) throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedArchiveException("an archive must be a JSON object");
            }
            this.parser = parser;
        }

        /** The next week; null once the file is read to its end. */
        ObjectNode next() throws IOException {
            while (true) {
                if (inWeeks) {
                    if (parser.nextToken() == JsonToken.START_OBJECT) {
                        return parser.readValueAsTree();
                    }
                    inWeeks = false;
                }
                if (parser.nextToken() != JsonToken.FIELD_NAME) {
                    return null;
                }
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("weeks".equals(field) && value == JsonToken.START_ARRAY) {
                    inWeeks = true;
                } else if ("account".equals(field) && value == JsonToken.START_OBJECT) {
                    account = parser.readValueAsTree();
                } else {
                    parser.skipChildren();
                }
            }
        }

        FetchedWeek nextWeek() throws IOException {
            ObjectNode week = next();
            return week == null ? null : archivedWeek(week);
        }

        /** The account the archive names; complete once {@link #next()} has returned null. */
        JsonNode account() {
            return account;
        }
    }

    /** What a pass over the weeks counted. */
    private static final class Counts {
        private final TreeSet<IsoWeek> weeks = new TreeSet<>();
        private final Set<IsoWeek> complete = new HashSet<>();
        private final Map<IsoWeek, Instant> partlyFetchedAt = new HashMap<>();
        private final Map<IsoWeek, String> resumeUntilIds = new HashMap<>();
        private long tweets;

        /**
         * A week still marked as from the export is neither whole nor fetched up to a moment for the planner: the
         * next sync asks X for all of it (where X still serves it) once.
         */
        void add(IsoWeek week, boolean whole, boolean fromExport, Instant fetchedAt, String resumeUntilId,
                int weekTweets) {
            weeks.add(week);
            if (whole && !fromExport) {
                complete.add(week);
            } else if (resumeUntilId != null) {
                resumeUntilIds.put(week, resumeUntilId);
            } else if (!fromExport) {
                partlyFetchedAt.put(week, fetchedAt);
            }
            tweets += weekTweets;
        }

        ArchiveSummary summary(JsonNode account) {
            return new ArchiveSummary(account, Set.copyOf(complete), Map.copyOf(partlyFetchedAt),
                    Map.copyOf(resumeUntilIds), tweets, weeks.size(), weeks.isEmpty() ? null : weeks.first(),
                    weeks.isEmpty() ? null : weeks.last());
        }
    }

    @FunctionalInterface
    private interface WeekConsumer {
        void accept(ObjectNode week) throws IOException;
    }

    /** Weeks handed to a writer one at a time, ascending. */
    @FunctionalInterface
    public interface Weeks {
        void writeTo(WeekWriter writer) throws IOException;
    }

    /** Writes one week of an archive. */
    @FunctionalInterface
    public interface WeekWriter {
        void write(FetchedWeek week) throws IOException;
    }
}
