package org.tweetflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** How the archive's weeks and posts read from the member's X data export meet those fetched from X's API. */
class ArchiveStreamsExportTest {

    static final Map<String, Object> ACCOUNT = Map.of("id", "14500001", "username", "veteran_vera",
            "name", "Veteran Vera");
    static final Instant SYNCED_AT = Instant.parse("2026-11-20T10:00:00Z");
    /** The member asked X for the export after the sync. */
    static final Instant EXPORTED_AT = Instant.parse("2026-11-25T10:00:00Z");

    final ObjectMapper mapper = new ObjectMapper();
    final ArchiveStreams streams = new ArchiveStreams(mapper);

    @Test
    void theApisCopyOfAPostWinsOverTheExportsWhicheverFileComesFirst() throws IOException {
        byte[] api = archive(apiWeek("2026-W40", true, post("1840000000000000002", "2026-09-29T08:00:00Z", "API")));
        byte[] export = archive(exportWeek("2026-W40", post("1840000000000000002", "2026-09-29T08:00:00Z", "export"),
                post("1840000000000000001", "2026-09-28T08:00:00Z", "only in the export")));

        for (JsonNode combined : List.of(combine(api, export), combine(export, api))) {
            JsonNode posts = combined.path("weeks").get(0).path("tweets");
            assertThat(posts.findValuesAsText("id")).containsExactly("1840000000000000002", "1840000000000000001");
            assertThat(posts.get(0).path("text").asText()).isEqualTo("API copy");
            assertThat(posts.get(0).has("from_export")).isFalse();
            assertThat(posts.get(1).path("text").asText()).isEqualTo("only in the export copy");
        }
    }

    @Test
    void theApisIncludesWinOverTheExportsWhicheverFileComesFirst() throws IOException {
        ObjectNode api = post("1840000000000000002", "2026-09-29T08:00:00Z", "API").put("author_id", "14500001");
        FetchedWeek apiWeek = new FetchedWeek(IsoWeek.parse("2026-W40"), SYNCED_AT, true, List.of(api),
                new Includes().add(users(mapper.createObjectNode().put("id", "14500001").put("username", "veteran_vera")
                        .put("created_at", "2007-03-01T12:00:00.000Z"))));
        ObjectNode exported = post("1840000000000000002", "2026-09-29T08:00:00Z", "export").put("author_id", "14500001")
                .put("from_export", true);
        FetchedWeek exportWeek = new FetchedWeek(IsoWeek.parse("2026-W40"), EXPORTED_AT, true, List.of(exported),
                new Includes().add(users(mapper.createObjectNode().put("id", "14500001")
                        .put("username", "veteran_vera"))), null, true);

        for (JsonNode combined : List.of(combine(archive(apiWeek), archive(exportWeek)),
                combine(archive(exportWeek), archive(apiWeek)))) {
            assertThat(combined.path("weeks").get(0).path("includes").path("users").get(0).path("created_at")
                    .asText()).isEqualTo("2007-03-01T12:00:00.000Z");
        }
    }

    @Test
    void aWeekKeepsTheExportsMarkUntilAFetchFromXReachesItsEnd() throws IOException {
        byte[] export = archive(exportWeek("2026-W40", post("1840000000000000001", "2026-09-28T08:00:00Z", "export")),
                exportWeek("2026-W41", post("1840000000000000011", "2026-10-05T08:00:00Z", "export")));
        byte[] api = archive(apiWeek("2026-W40", false, post("1840000000000000002", "2026-09-29T08:00:00Z", "API")),
                apiWeek("2026-W41", true));

        JsonNode weeks = combine(export, api).path("weeks");

        assertThat(weeks.get(0).path("from_export").asBoolean()).as("X's fetch stopped inside it").isTrue();
        assertThat(weeks.get(0).path("complete").asBoolean()).isTrue();
        assertThat(weeks.get(1).has("from_export")).isFalse();
        assertThat(weeks.get(1).path("complete").asBoolean()).isTrue();
        assertThat(weeks.get(1).path("tweets").findValuesAsText("id")).as("X no longer serves it")
                .containsExactly("1840000000000000011");
    }

    @Test
    void aSyncThatFetchesAnExportWeekToItsEndTakesTheApisCopiesKeepsTheRestAndClearsTheMark() throws IOException {
        byte[] export = archive(exportWeek("2026-W40", post("1840000000000000002", "2026-09-29T08:00:00Z", "export"),
                post("1840000000000000001", "2026-09-28T08:00:00Z", "only in the export")));
        SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>(Map.of(IsoWeek.parse("2026-W40"),
                apiWeek("2026-W40", true, post("1840000000000000002", "2026-09-29T08:00:00Z", "API"))));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveSummary summary = streams.merge(new ByteArrayInputStream(export), fetched, ACCOUNT, SYNCED_AT, out);

        JsonNode week = mapper.readTree(out.toByteArray()).path("weeks").get(0);
        assertThat(week.has("from_export")).isFalse();
        assertThat(week.path("tweets").findValuesAsText("text")).containsExactly("API copy",
                "only in the export copy");
        assertThat(summary.completeWeeks()).containsExactly(IsoWeek.parse("2026-W40"));
        assertThat(summary.tweets()).isEqualTo(2);
    }

    @Test
    void theIndexLeavesWeeksMarkedFromTheExportOutOfTheWholeAndPartlyFetchedOnesAndCountsTheirPosts()
            throws IOException {
        byte[] archive = archive(exportWeek("2008-W11", post("999999", "2008-03-10T09:00:00Z", "export")),
                exportWeek("2026-W40", post("1840000000000000001", "2026-09-28T08:00:00Z", "export"),
                        post("1840000000000000002", "2026-09-29T08:00:00Z", "export")),
                apiWeek("2026-W41", true, post("1840000000000000011", "2026-10-05T08:00:00Z", "API")),
                new FetchedWeek(IsoWeek.parse("2026-W48"), EXPORTED_AT, false, List.of(), new Includes(), null, true));

        ArchiveSummary summary = streams.index(new ByteArrayInputStream(archive));

        assertThat(summary.completeWeeks()).containsExactly(IsoWeek.parse("2026-W41"));
        assertThat(summary.partlyFetchedAt()).isEmpty();
        assertThat(summary.tweets()).isEqualTo(4);
        assertThat(summary.weeks()).isEqualTo(4);
        assertThat(summary.firstWeek()).hasToString("2008-W11");
        assertThat(summary.lastWeek()).hasToString("2026-W48");
    }

    private byte[] archive(FetchedWeek... weeks) throws IOException {
        SortedMap<IsoWeek, FetchedWeek> byWeek = new TreeMap<>();
        for (FetchedWeek week : weeks) {
            byWeek.put(week.week(), week);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streams.merge(null, byWeek, ACCOUNT, SYNCED_AT, out);
        return out.toByteArray();
    }

    private JsonNode combine(byte[] one, byte[] other) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        streams.combine(new ByteArrayInputStream(one), new ByteArrayInputStream(other), out);
        return mapper.readTree(out.toByteArray());
    }

    private static FetchedWeek apiWeek(String week, boolean complete, JsonNode... posts) {
        return new FetchedWeek(IsoWeek.parse(week), SYNCED_AT, complete, List.of(posts), new Includes());
    }

    private static FetchedWeek exportWeek(String week, ObjectNode... posts) {
        List<JsonNode> marked = List.of(posts).stream().map(post -> (JsonNode) post.put("from_export", true))
                .toList();
        return new FetchedWeek(IsoWeek.parse(week), EXPORTED_AT, true, marked, new Includes(), null, true);
    }

    private ObjectNode post(String id, String createdAt, String copy) {
        ObjectNode post = mapper.createObjectNode().put("id", id).put("text", copy + " copy")
                .put("created_at", createdAt);
        post.set("edit_history_tweet_ids", mapper.createArrayNode().add(id));
        return post;
    }

    private JsonNode users(ObjectNode user) {
        return mapper.createObjectNode().set("users", mapper.createArrayNode().add(user));
    }
}
