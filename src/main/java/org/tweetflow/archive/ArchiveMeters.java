package org.tweetflow.archive;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.tweetflow.work.JobMeters;

/** What the archive job did (docs/operations.md, "Metrics"): syncs by how they ended, posts fetched. */
@Component
public class ArchiveMeters extends JobMeters<SyncOutcome.Kind> {

    public ArchiveMeters(MeterRegistry registry) {
        super(registry, "archive", "tweetflow.archive.syncs", "Member syncs by how they ended", SyncOutcome.Kind.class);
    }
}
