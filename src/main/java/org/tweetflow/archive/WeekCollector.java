package org.tweetflow.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.tweetflow.twitter.TimelinePage;

/**
 * Sorts the pages of one week range into its ISO weeks. Pages come newest first, so when fetching stops early
 * (rate limit) every week newer than the oldest post seen is whole, and only those are kept: the partial week and
 * the older ones are fetched again by the resumed sync, so nothing is lost or duplicated.
 */
public class WeekCollector {

    private final WeekRange range;
    private final Map<IsoWeek, List<JsonNode>> tweets = new TreeMap<>();
    private final Map<IsoWeek, Map<String, List<JsonNode>>> includes = new TreeMap<>();
    private Instant oldestSeen;

    public WeekCollector(WeekRange range) {
        this.range = range;
    }

    public WeekRange range() {
        return range;
    }

    public void add(TimelinePage page) {
        for (JsonNode tweet : page.tweets()) {
            Instant created = Instant.parse(tweet.path("created_at").asText());
            IsoWeek week = IsoWeek.of(created);
            tweets.computeIfAbsent(week, w -> new ArrayList<>()).add(tweet);
            Map<String, List<JsonNode>> weekIncludes = includes.computeIfAbsent(week, w -> new LinkedHashMap<>());
            page.includes().forEach((type, items) -> weekIncludes.computeIfAbsent(type, t -> new ArrayList<>())
                    .addAll(items));
            if (oldestSeen == null || created.isBefore(oldestSeen)) {
                oldestSeen = created;
            }
        }
    }

    /** Every week of the range, after the last page (no {@code next_token}) was read. */
    public SortedMap<IsoWeek, FetchedWeek> finished(Instant fetchedAt) {
        return weeksFrom(range.first(), fetchedAt);
    }

    /** Only the weeks known to be whole when fetching stopped before the last page. */
    public SortedMap<IsoWeek, FetchedWeek> interrupted(Instant fetchedAt) {
        if (oldestSeen == null) {
            return new TreeMap<>();
        }
        return weeksFrom(IsoWeek.of(oldestSeen).next(), fetchedAt);
    }

    private SortedMap<IsoWeek, FetchedWeek> weeksFrom(IsoWeek first, Instant fetchedAt) {
        SortedMap<IsoWeek, FetchedWeek> weeks = new TreeMap<>();
        for (IsoWeek week : range.weeks()) {
            if (week.compareTo(first) >= 0) {
                weeks.put(week, new FetchedWeek(week, fetchedAt, tweets.getOrDefault(week, List.of()),
                        includes.getOrDefault(week, FetchedWeek.noIncludes())));
            }
        }
        return weeks;
    }
}
