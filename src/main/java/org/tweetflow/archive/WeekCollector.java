package org.tweetflow.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.tweetflow.twitter.Includes;
import org.tweetflow.twitter.TimelinePage;

/**
 * Sorts the pages of one week range into its ISO weeks. Pages come newest first, so when fetching stops early
 * (rate limit) every week newer than the oldest post seen is whole, and only those are kept: the partial week and
 * the older ones are fetched again by the resumed sync, so nothing is lost or duplicated. It is the body of the
 * {@code fetch-week-range} loop: it knows the page to ask for next.
 */
public class WeekCollector {

    private final WeekRange range;
    private final Map<IsoWeek, List<JsonNode>> tweets = new TreeMap<>();
    private final Includes includes = new Includes();
    private Instant oldestSeen;
    private String nextToken;
    private boolean morePages = true;

    public WeekCollector(WeekRange range) {
        this.range = range;
    }

    public WeekRange range() {
        return range;
    }

    /** Whether another page is to be asked for: none has been read yet, or the last one had a next token. */
    public boolean isMorePages() {
        return morePages;
    }

    /** The pagination token of the next page; null for the first. */
    public String nextToken() {
        return nextToken;
    }

    public void add(TimelinePage page) {
        nextToken = page.nextToken();
        morePages = nextToken != null;
        includes.add(page.includes());
        for (JsonNode tweet : page.tweets()) {
            Instant created = Instant.parse(tweet.path("created_at").asText());
            tweets.computeIfAbsent(IsoWeek.of(created), w -> new ArrayList<>()).add(tweet);
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
        return oldestSeen == null ? new TreeMap<>() : weeksFrom(IsoWeek.of(oldestSeen).next(), fetchedAt);
    }

    /** How many weeks of the range are whole so far: those newer than the oldest post seen. */
    public int wholeWeeks() {
        return oldestSeen == null ? 0 : (int) range.weeks().stream()
                .filter(week -> week.compareTo(IsoWeek.of(oldestSeen)) > 0).count();
    }

    private SortedMap<IsoWeek, FetchedWeek> weeksFrom(IsoWeek first, Instant fetchedAt) {
        SortedMap<IsoWeek, FetchedWeek> weeks = new TreeMap<>();
        for (IsoWeek week : range.weeks()) {
            if (week.compareTo(first) >= 0) {
                weeks.put(week, new FetchedWeek(week, fetchedAt, range.reachesEndOf(week),
                        tweets.getOrDefault(week, List.of()), includes));
            }
        }
        return weeks;
    }
}
