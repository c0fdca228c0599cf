package org.tweetflow.archive;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The archive a sync starts from: a downloaded copy (merged as a stream later) and its index. */
public record ExistingArchive(Path copy, ArchiveSummary summary) {

    /** A member's first sync: nothing on Open Humans yet. */
    public static final ExistingArchive NONE = new ExistingArchive(null, null);

    public Set<IsoWeek> completeWeeks() {
        return summary == null ? Set.of() : summary.completeWeeks();
    }

    public Map<IsoWeek, Instant> partlyFetchedAt() {
        return summary == null ? Map.of() : summary.partlyFetchedAt();
    }

    public Map<IsoWeek, String> resumeUntilIds() {
        return summary == null ? Map.of() : summary.resumeUntilIds();
    }
}
