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
import org.junit.jupiter.api.Test;

class ArchiveStreamsTest {

    static final Map<String, Object> ACCOUNT = Map.of("id", "1400000000000000002", "username", "small_sam",
            "name", "Small Sam");
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final ObjectMapper mapper = new ObjectMapper();
    final ArchiveStreams streams = new ArchiveStreams(mapper);

    @Test
    void firstArchiveHoldsFetchedWeeksAscendingWithTheContractFields() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
        fetched.put(IsoWeek.parse("2026-W48"), week("2026-W48", NOW, tweet("30", "2026-11-24T09:00:00Z")));
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
    void refetchedWeekReplacesItsOldContentAndOtherWeeksStayAsTheyWere() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> first = new TreeMap<>();
        first.put(IsoWeek.parse("2026-W46"), week("2026-W46", NOW, tweet("10", "2026-11-10T09:00:00Z")));
        first.put(IsoWeek.parse("2026-W47"), week("2026-W47", Instant.parse("2026-11-20T00:00:00Z"),
                tweet("20", "2026-11-17T09:00:00Z")));
        byte[] existing = mapper.writeValueAsBytes(merge(null, first));
        SortedMap<IsoWeek, FetchedWeek> refetch = new TreeMap<>();
        refetch.put(IsoWeek.parse("2026-W47"), week("2026-W47", NOW, tweet("21", "2026-11-21T09:00:00Z"),
                tweet("20", "2026-11-17T09:00:00Z")));
        refetch.put(IsoWeek.parse("2026-W48"), week("2026-W48", NOW, tweet("30", "2026-11-24T09:00:00Z")));

        JsonNode archive = merge(existing, refetch);

        assertThat(archive.path("weeks").findValuesAsText("week")).containsExactly("2026-W46", "2026-W47", "2026-W48");
        assertThat(archive.path("weeks").get(0).path("tweets").findValuesAsText("id")).containsExactly("10");
        assertThat(archive.path("weeks").get(1).path("tweets").findValuesAsText("id")).containsExactly("21", "20");
        assertThat(archive.path("weeks").get(1).path("complete").asBoolean()).isTrue();
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
    void indexReadsWeeksFetchTimesAndCountsWithoutTheTweets() throws IOException {
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
        fetched.put(IsoWeek.parse("2026-W40"), week("2026-W40", NOW, tweet("1", "2026-09-29T00:00:00Z")));
        fetched.put(IsoWeek.parse("2026-W41"), week("2026-W41", NOW, tweet("2", "2026-10-06T00:00:00Z"),
                tweet("3", "2026-10-07T00:00:00Z")));
        byte[] archive = mapper.writeValueAsBytes(merge(null, fetched));

        ArchiveSummary summary = streams.index(new ByteArrayInputStream(archive));

        assertThat(summary.tweets()).isEqualTo(3);
        assertThat(summary.weeks()).isEqualTo(2);
        assertThat(summary.firstWeek()).hasToString("2026-W40");
        assertThat(summary.lastWeek()).hasToString("2026-W41");
        assertThat(summary.fetchedAt()).containsEntry(IsoWeek.parse("2026-W41"), NOW);
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

    private static FetchedWeek week(String week, Instant fetchedAt, JsonNode... tweets) {
        return new FetchedWeek(IsoWeek.parse(week), fetchedAt, List.of(tweets), FetchedWeek.noIncludes());
    }

    private JsonNode tweet(String id, String createdAt) {
        return mapper.createObjectNode().put("id", id).put("text", "post " + id).put("created_at", createdAt)
                .set("edit_history_tweet_ids", mapper.createArrayNode().add(id));
    }
}
