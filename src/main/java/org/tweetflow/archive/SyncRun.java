package org.tweetflow.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.tweetflow.member.Member;
import org.tweetflow.twitter.XApiException;

/**
 * One member's sync in progress. The archive-member route keeps it in an exchange property, which the split over
 * week ranges shares: what each range fetched is aggregated here, and a rate limit met in one range ends the split.
 */
public class SyncRun {

    private final Member member;
    private final Instant startedAt;
    private final List<Path> temporaryFiles = new ArrayList<>();
    private final SortedMap<IsoWeek, FetchedWeek> fetched = new TreeMap<>();
    private Path existing;
    private ArchiveSummary existingSummary;
    private List<WeekRange> ranges = List.of();
    private int weeksDue;
    private XApiException.RateLimited stoppedBy;
    private ArchiveSummary uploaded;
    private boolean withdrawn;

    public SyncRun(Member member, Instant startedAt) {
        this.member = member;
        this.startedAt = startedAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The member had their archive deleted while this sync ran: what it uploaded must go too. */
    void withdraw() {
        withdrawn = true;
    }

    public boolean isWithdrawn() {
        return withdrawn;
    }

    public Member member() {
        return member;
    }

    /** The downloaded copy of the archive, deleted with the run's other temporary files. */
    void downloaded(Path file) {
        temporaryFiles.add(file);
        existing = file;
    }

    void indexed(ArchiveSummary summary) {
        existingSummary = summary;
    }

    Path existing() {
        return existing;
    }

    Set<IsoWeek> completeWeeks() {
        return existingSummary == null ? Set.of() : existingSummary.completeWeeks();
    }

    Map<IsoWeek, Instant> partlyFetchedAt() {
        return existingSummary == null ? Map.of() : existingSummary.partlyFetchedAt();
    }

    void plan(List<WeekRange> due) {
        ranges = due;
        weeksDue = due.stream().mapToInt(range -> range.weeks().size()).sum();
    }

    /** The ranges still to fetch; it ends early once a rate limit stopped the sync. */
    Iterator<WeekRange> pendingRanges() {
        Iterator<WeekRange> all = ranges.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return stoppedBy == null && all.hasNext();
            }

            @Override
            public WeekRange next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return all.next();
            }
        };
    }

    void add(SortedMap<IsoWeek, FetchedWeek> weeks) {
        fetched.putAll(weeks);
    }

    void stop(XApiException.RateLimited limit) {
        stoppedBy = limit;
    }

    SortedMap<IsoWeek, FetchedWeek> fetched() {
        return fetched;
    }

    /** Whether anything was fetched that the archive on Open Humans must receive. */
    public boolean isFetchedAnything() {
        return !fetched.isEmpty();
    }

    int weeksDue() {
        return weeksDue;
    }

    int weeksDone() {
        return fetched.size();
    }

    XApiException.RateLimited stoppedBy() {
        return stoppedBy;
    }

    Path newTemporaryFile(String prefix) {
        try {
            Path file = Files.createTempFile(prefix, ".json");
            temporaryFiles.add(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void uploaded(ArchiveSummary summary) {
        uploaded = summary;
    }

    ArchiveSummary uploaded() {
        return uploaded;
    }

    /** Deletes the downloaded and merged copies: the archive lives on Open Humans, not here. */
    void close() {
        for (Path file : temporaryFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the OS cleans its temporary directory; a stale copy is not worth failing a sync for
            }
        }
        temporaryFiles.clear();
    }
}
