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
 * (rate limit) every week newer than the oldest post seen is whole; the week of that post is kept too, marked with
 * its id, and the resumed sync asks only for what is older (X's {@code until_id}): nothing is fetched twice, lost
 * or duplicated. It is the body of the {@code fetch-week-range} loop: it knows the page to ask for next.
 */
public class WeekCollector {

    private final WeekRange range;
    private final Instant askedAt;
    private final Map<IsoWeek, List<JsonNode>> tweets = new TreeMap<>();
    private final Includes includes = new Includes();
    private Instant oldestSeen;
    private long oldestId = Long.MAX_VALUE;
    private String nextToken;
    private boolean morePages = true;

    /** @param askedAt when the range's first page is asked for: a range without an end reaches that far */
    public WeekCollector(WeekRange range, Instant askedAt) {
        this.range = range;
        this.askedAt = askedAt;
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
            long id = tweet.path("id").asLong();
            if (id < oldestId) {
                oldestId = id;
                oldestSeen = created;
            }
        }
    }

    /** Every week of the range, after the last page (no {@code next_token}) was read. */
    public SortedMap<IsoWeek, FetchedWeek> finished(Instant fetchedAt) {
        return weeksFrom(range.first(), fetchedAt);
    }

    /**
     * When fetching stopped before the last page: the weeks known to be whole, and the week of the oldest post seen
     * with what it got so far, marked to go on below that post. A week the range does not reach the end of (the
     * current one) is fetched again instead: its newest posts are still to come.
     */
    public SortedMap<IsoWeek, FetchedWeek> interrupted(Instant fetchedAt) {
        if (oldestSeen == null) {
            return new TreeMap<>();
        }
        IsoWeek stoppedIn = IsoWeek.of(oldestSeen);
        SortedMap<IsoWeek, FetchedWeek> weeks = weeksFrom(stoppedIn.next(), fetchedAt);
        if (range.reachesEndOf(stoppedIn, askedAt)) {
            weeks.put(stoppedIn, new FetchedWeek(stoppedIn, fetchedAt, false, tweets.getOrDefault(stoppedIn,
                    List.of()), includes, Long.toString(oldestId)));
        }
        return weeks;
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
                weeks.put(week, new FetchedWeek(week, fetchedAt, range.reachesEndOf(week, askedAt),
                        tweets.getOrDefault(week, List.of()), includes));
            }
        }
        return weeks;
    }
}
