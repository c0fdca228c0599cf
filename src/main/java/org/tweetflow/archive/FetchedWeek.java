package org.tweetflow.archive;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.tweetflow.twitter.Includes;

/**
 * One week as fetched in this sync: its tweets (v2 objects as returned, no id twice), whether the fetch reached
 * the week's end, and the objects the pages' expansions returned (the week keeps those its tweets reference).
 * Bounded by what one sync may fetch, not by the archive's size.
 *
 * @param resumeUntilId set when a rate limit stopped the fetch inside this week: its posts older than this id are
 *                      still to be fetched (X's {@code until_id}); null otherwise
 * @param fromExport    the week was read from the member's X data export and no fetch from X reached its end yet:
 *                      a sync fetches it once from X for the API's richer copies (where X still serves it)
 */
public record FetchedWeek(IsoWeek week, Instant fetchedAt, boolean complete, List<JsonNode> tweets,
        Includes includes, String resumeUntilId, boolean fromExport) {

    public FetchedWeek(IsoWeek week, Instant fetchedAt, boolean complete, List<JsonNode> tweets, Includes includes) {
        this(week, fetchedAt, complete, tweets, includes, null);
    }

    public FetchedWeek(IsoWeek week, Instant fetchedAt, boolean complete, List<JsonNode> tweets, Includes includes,
            String resumeUntilId) {
        this(week, fetchedAt, complete, tweets, includes, resumeUntilId, false);
    }
}
