package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.tweetflow.twitter.Includes;
import org.tweetflow.twitter.TimelinePage;

class ArchiveStreamsTest {

    static final Map<String, Object> ACCOUNT = Map.of("id", "1400000000000000002", "username", "small_sam",
            "name", "Small Sam");
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final ObjectMapper mapper = new ObjectMapper();
    final ArchiveStreams streams = new ArchiveStreams(mapper);

    @Test
    void firstArchiveHoldsFetchedWeeksAscendingWithTheContractFields() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
        fetched.put(IsoWeek.parse("2026-W48"), week("2026-W48", NOW, false, tweet("30", "2026-11-24T09:00:00Z")));
        fetched.put(IsoWeek.parse("2026-W46"), week("2026-W46", NOW, tweet("10", "2026-11-10T09:00:00Z"),
                tweet("11", "2026-11-11T09:00:00Z")));

        JsonNode archive = merge(null, fetched);

        assertThat(archive.path("format").asText()).isEqualTo("tweetflow.twitter-archive/1");
        assertThat(archive.path("account").path("username").asText()).isEqualTo("small_sam");
        assertThat(archive.path("weeks").findValuesAsText("week")).containsExactly("2026-W46", "2026-W48");
        JsonNode w46 = archive.path("weeks").get(0);
        assertThat(w46.path("start").asText()).isEqualTo("2026-11-09T00:00:00Z");
        assertThat(w46.path("end").asText()).isEqualTo("2026-11-16T00:00:00Z");
        assertThat(w46.path("complete").asBoolean()).isTrue();
        assertThat(archive.path("weeks").get(1).path("complete").asBoolean()).as("the current week").isFalse();
        assertThat(w46.path("includes").fieldNames()).toIterable()
                .containsExactly("users", "tweets", "media", "places", "polls");
    }

    @Test
    void refetchedWeekKeepsEveryArchivedPostTakesTheFresherCopiesAndOtherWeeksStayAsTheyWere() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> first = new TreeMap<>();
        first.put(IsoWeek.parse("2026-W46"), week("2026-W46", NOW, tweet("10", "2026-11-10T09:00:00Z")));
        first.put(IsoWeek.parse("2026-W47"), week("2026-W47", Instant.parse("2026-11-20T00:00:00Z"), false,
                tweet("20", "2026-11-17T09:00:00Z"), tweet("19", "2026-11-16T09:00:00Z")));
        byte[] existing = mapper.writeValueAsBytes(merge(null, first));
        SortedMap<IsoWeek, FetchedWeek> refetch = new TreeMap<>();
        // X no longer returns 19 (deleted there, or past the 3,200 newest); 20 comes back with fresher metrics
        refetch.put(IsoWeek.parse("2026-W47"), week("2026-W47", NOW, tweet("21", "2026-11-21T09:00:00Z"),
                liked(tweet("20", "2026-11-17T09:00:00Z"), 7)));
        refetch.put(IsoWeek.parse("2026-W48"), week("2026-W48", NOW, false, tweet("30", "2026-11-24T09:00:00Z")));

        JsonNode archive = merge(existing, refetch);

        assertThat(archive.path("weeks").findValuesAsText("week")).containsExactly("2026-W46", "2026-W47", "2026-W48");
        assertThat(archive.path("weeks").get(0).path("tweets").findValuesAsText("id")).containsExactly("10");
        JsonNode w47 = archive.path("weeks").get(1);
        assertThat(w47.path("tweets").findValuesAsText("id")).containsExactly("21", "20", "19");
        assertThat(w47.path("tweets").get(1).path("public_metrics").path("like_count").asInt()).isEqualTo(7);
        assertThat(w47.path("complete").asBoolean()).isTrue();
    }

    @Test
    void aWeekThatXReturnsEmptyNowKeepsItsArchivedPosts() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> first = new TreeMap<>();
        first.put(IsoWeek.parse("2026-W47"), week("2026-W47", Instant.parse("2026-11-20T00:00:00Z"), false,
                tweet("20", "2026-11-17T09:00:00Z"), tweet("19", "2026-11-16T09:00:00Z")));
        byte[] existing = mapper.writeValueAsBytes(merge(null, first));
        SortedMap<IsoWeek, FetchedWeek> refetch = new TreeMap<>();
        refetch.put(IsoWeek.parse("2026-W47"), week("2026-W47", NOW));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveSummary summary = streams.merge(new ByteArrayInputStream(existing), refetch, ACCOUNT, NOW, out);

        assertThat(mapper.readTree(out.toByteArray()).path("weeks").get(0).path("tweets").findValuesAsText("id"))
                .containsExactly("20", "19");
        assertThat(summary.tweets()).isEqualTo(2);
    }

    @Test
    void anEditedPostReplacesItsEarlierVersionEvenInAnotherWeek() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> first = new TreeMap<>();
        first.put(IsoWeek.parse("2026-W47"), week("2026-W47", Instant.parse("2026-11-23T00:30:00Z"),
                tweet("20", "2026-11-22T23:50:00Z")));
        first.put(IsoWeek.parse("2026-W48"), week("2026-W48", Instant.parse("2026-11-23T00:30:00Z"), false));
        byte[] existing = mapper.writeValueAsBytes(merge(null, first));
        ObjectNode edited = tweet("25", "2026-11-23T00:10:00Z");
        edited.set("edit_history_tweet_ids", mapper.createArrayNode().add("20").add("25"));
        SortedMap<IsoWeek, FetchedWeek> refetch = new TreeMap<>();
        refetch.put(IsoWeek.parse("2026-W48"), week("2026-W48", NOW, false, edited));

        JsonNode archive = merge(existing, refetch);

        assertThat(archive.path("weeks").get(0).path("tweets")).isEmpty();
        assertThat(archive.path("weeks").get(1).path("tweets").findValuesAsText("id")).containsExactly("25");
    }

    @Test
    void anOldVersionCarryingTheWholeEditHistoryDoesNotHideTheNewOne() throws IOException {
        ObjectNode original = tweet("20", "2026-11-22T20:00:00Z");
        original.set("edit_history_tweet_ids", mapper.createArrayNode().add("20").add("25"));
        ObjectNode edited = tweet("25", "2026-11-22T20:10:00Z");
        edited.set("edit_history_tweet_ids", mapper.createArrayNode().add("20").add("25"));
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
        fetched.put(IsoWeek.parse("2026-W47"), week("2026-W47", NOW, original, edited));

        JsonNode archive = merge(null, fetched);

        assertThat(archive.path("weeks").get(0).path("tweets").findValuesAsText("id")).containsExactly("25");
    }

    @Test
    void aPageWhosePostsFallInTwoWeeksGivesEachWeekExactlyTheIncludesItsPostsReference() throws IOException {
        WeekCollector collector = new WeekCollector(WeekRange.of(IsoWeek.parse("2026-W46"), IsoWeek.parse("2026-W47")),
                NOW);
        ObjectNode includes = mapper.createObjectNode();
        includes.set("users", mapper.createArrayNode().add(user("1", "sandy_archivist")).add(user("2", "small_sam"))
                .add(user("3", "civic_carla")).add(user("4", "data_dmitri")));
        includes.set("media", mapper.createArrayNode().add(mapper.createObjectNode().put("media_key", "3_9")
                .put("type", "photo")));
        includes.set("tweets", mapper.createArrayNode().add(tweet("5", "2026-11-01T09:00:00Z").put("author_id", "4")));
        ObjectNode withPhoto = tweet("12", "2026-11-18T09:00:00Z").put("author_id", "1");
        withPhoto.set("attachments", mapper.createObjectNode().set("media_keys", mapper.createArrayNode().add("3_9")));
        withPhoto.set("entities", mapper.createObjectNode().set("mentions",
                mapper.createArrayNode().add(mapper.createObjectNode().put("username", "Small_Sam"))));
        ObjectNode quoting = tweet("11", "2026-11-10T09:00:00Z").put("author_id", "1")
                .put("in_reply_to_user_id", "3");
        quoting.set("referenced_tweets", mapper.createArrayNode().add(mapper.createObjectNode().put("type", "quoted")
                .put("id", "5")));
        collector.add(new TimelinePage(List.of(withPhoto, quoting), new Includes().add(includes), null));

        JsonNode weeks = merge(null, new TreeMap<>(collector.finished(NOW))).path("weeks");

        JsonNode w46 = weeks.get(0).path("includes");
        assertThat(w46.path("users").findValuesAsText("id")).containsExactly("1", "3", "4");
        assertThat(w46.path("tweets").findValuesAsText("id")).containsExactly("5");
        assertThat(w46.path("media")).isEmpty();
        JsonNode w47 = weeks.get(1).path("includes");
        assertThat(w47.path("users").findValuesAsText("id")).containsExactly("1", "2");
        assertThat(w47.path("media").findValuesAsText("media_key")).containsExactly("3_9");
        assertThat(w47.path("tweets")).isEmpty();
    }

    @Test
    void aTweetSeenOnTwoPagesIsWrittenOnce() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
        fetched.put(IsoWeek.parse("2026-W46"), week("2026-W46", NOW, tweet("10", "2026-11-10T09:00:00Z"),
                tweet("10", "2026-11-10T09:00:00Z")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveSummary summary = streams.merge(null, fetched, ACCOUNT, NOW, out);

        assertThat(summary.tweets()).isEqualTo(1);
        assertThat(mapper.readTree(out.toByteArray()).path("weeks").get(0).path("tweets")).hasSize(1);
    }

    @Test
    void indexReadsWeeksCompletenessAndCountsWithoutTheTweets() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
        fetched.put(IsoWeek.parse("2026-W40"), week("2026-W40", NOW, tweet("1", "2026-09-29T00:00:00Z")));
        fetched.put(IsoWeek.parse("2026-W41"), week("2026-W41", NOW, false, tweet("2", "2026-10-06T00:00:00Z"),
                tweet("3", "2026-10-07T00:00:00Z")));
        byte[] archive = mapper.writeValueAsBytes(merge(null, fetched));

        ArchiveSummary summary = streams.index(new ByteArrayInputStream(archive));

        assertThat(summary.tweets()).isEqualTo(3);
        assertThat(summary.weeks()).isEqualTo(2);
        assertThat(summary.firstWeek()).hasToString("2026-W40");
        assertThat(summary.lastWeek()).hasToString("2026-W41");
        assertThat(summary.completeWeeks()).containsExactly(IsoWeek.parse("2026-W40"));
        assertThat(summary.partlyFetchedAt()).containsExactly(Map.entry(IsoWeek.parse("2026-W41"), NOW));
    }

    @Test
    void aWeekARateLimitStoppedInKeepsItsMarkUntilAFetchMakesItWhole() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> stopped = new TreeMap<>();
        stopped.put(IsoWeek.parse("2026-W41"), new FetchedWeek(IsoWeek.parse("2026-W41"), NOW, false,
                List.of(tweet("30", "2026-10-10T09:00:00Z"), tweet("20", "2026-10-09T09:00:00Z")), new Includes(),
                "20"));
        byte[] archive = mapper.writeValueAsBytes(merge(null, stopped));

        ArchiveSummary summary = streams.index(new ByteArrayInputStream(archive));

        assertThat(summary.resumeUntilIds()).containsExactly(Map.entry(IsoWeek.parse("2026-W41"), "20"));
        assertThat(summary.partlyFetchedAt()).isEmpty();
        SortedMap<IsoWeek, FetchedWeek> below = new TreeMap<>();
        below.put(IsoWeek.parse("2026-W41"), week("2026-W41", NOW, tweet("10", "2026-10-06T09:00:00Z")));
        JsonNode whole = merge(archive, below).path("weeks").get(0);
        assertThat(whole.path("tweets").findValuesAsText("id")).containsExactly("30", "20", "10");
        assertThat(whole.path("complete").asBoolean()).isTrue();
        assertThat(whole.has("resume_until_id")).isFalse();
    }

    @Test
    void combiningTwoArchivesKeepsEveryPostOfEitherAndTheLaterFetchOfAWeekBothHold() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> older = new TreeMap<>();
        older.put(IsoWeek.parse("2026-W40"), week("2026-W40", NOW, tweet("1", "2026-09-29T08:00:00Z")));
        ObjectNode stale = tweet("10", "2026-10-06T08:00:00Z").put("text", "stale copy");
        older.put(IsoWeek.parse("2026-W41"), week("2026-W41", Instant.parse("2026-10-07T00:00:00Z"), false, stale));
        SortedMap<IsoWeek, FetchedWeek> newer = new TreeMap<>();
        ObjectNode fresh = tweet("10", "2026-10-06T08:00:00Z").put("text", "fresh copy");
        newer.put(IsoWeek.parse("2026-W41"), week("2026-W41", NOW, fresh, tweet("11", "2026-10-09T08:00:00Z")));
        newer.put(IsoWeek.parse("2026-W42"), week("2026-W42", NOW, tweet("20", "2026-10-13T08:00:00Z")));

        JsonNode combined = combine(mapper.writeValueAsBytes(merge(null, older)),
                mapper.writeValueAsBytes(merge(null, newer)));

        assertThat(combined.path("weeks").findValuesAsText("week")).containsExactly("2026-W40", "2026-W41",
                "2026-W42");
        JsonNode w41 = combined.path("weeks").get(1);
        assertThat(w41.path("tweets").findValuesAsText("id")).containsExactly("11", "10");
        assertThat(w41.path("tweets").get(1).path("text").asText()).isEqualTo("fresh copy");
        assertThat(w41.path("complete").asBoolean()).isTrue();
        assertThat(combined.path("account").path("username").asText()).isEqualTo("small_sam");
        assertThat(streams.index(new ByteArrayInputStream(mapper.writeValueAsBytes(combined))).tweets()).isEqualTo(4);
    }

    @Test
    void archivesOfTwoAccountsAreNotCombined() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> weeks = new TreeMap<>();
        weeks.put(IsoWeek.parse("2026-W40"), week("2026-W40", NOW, tweet("1", "2026-09-29T08:00:00Z")));
        byte[] sams = mapper.writeValueAsBytes(merge(null, weeks));
        ObjectNode sandys = (ObjectNode) mapper.readTree(sams);
        sandys.set("account", mapper.createObjectNode().put("id", "1400000000000000001")
                .put("username", "sandy_archivist"));

        assertThatThrownBy(() -> combine(sams, mapper.writeValueAsBytes(sandys)))
                .isInstanceOf(ArchiveOfAnotherAccountException.class)
                .hasMessageContaining("@small_sam and @sandy_archivist");
    }

    @Test
    void aFileThatIsNotAnArchiveIsRefused() {
        byte[] notAnArchive = "[1, 2, 3]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> streams.index(new ByteArrayInputStream(notAnArchive)))
                .isInstanceOf(MalformedArchiveException.class);
    }

    private JsonNode merge(byte[] existing, SortedMap<IsoWeek, FetchedWeek> fetched) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streams.merge(existing == null ? null : new ByteArrayInputStream(existing), fetched, ACCOUNT, NOW, out);
        return mapper.readTree(out.toByteArray());
    }

    private JsonNode combine(byte[] one, byte[] other) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streams.combine(new ByteArrayInputStream(one), new ByteArrayInputStream(other), out);
        return mapper.readTree(out.toByteArray());
    }

    private static FetchedWeek week(String week, Instant fetchedAt, JsonNode... tweets) {
        return week(week, fetchedAt, true, tweets);
    }

    private static FetchedWeek week(String week, Instant fetchedAt, boolean complete, JsonNode... tweets) {
        return new FetchedWeek(IsoWeek.parse(week), fetchedAt, complete, List.of(tweets), new Includes());
    }

    private ObjectNode tweet(String id, String createdAt) {
        ObjectNode tweet = mapper.createObjectNode().put("id", id).put("text", "post " + id)
                .put("created_at", createdAt);
        tweet.set("edit_history_tweet_ids", mapper.createArrayNode().add(id));
        return tweet;
    }

    private ObjectNode liked(ObjectNode tweet, int likes) {
        tweet.set("public_metrics", mapper.createObjectNode().put("like_count", likes));
        return tweet;
    }

    private ObjectNode user(String id, String username) {
        return mapper.createObjectNode().put("id", id).put("username", username);
    }
}
