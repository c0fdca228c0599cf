package org.tweetflow.archive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.archive.ArchiveOfAnotherAccountException;
import org.tweetflow.archive.ArchiveOwner;
import org.tweetflow.archive.ArchiveSummary;
import org.tweetflow.archive.FetchedWeeks;
import org.tweetflow.archive.SyncCancelledException;
import org.tweetflow.archive.SyncOutcome;
import org.tweetflow.archive.TemporaryFiles;
import org.tweetflow.work.LeaseLostException;

/**
 * The steps of {@code archive-member} that merge a member's pending import: it runs as part of the member's own
 * archive run, so it never overlaps their sync, and a run that stops before the upload leaves it pending for the
 * next one (the posts file stays until the import ends).
 */
@Component("importSteps")
public class ImportSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ImportSteps.class);

    private final ArchiveImports imports;
    private final ExportArchive exportArchive;

    public ImportSteps(ArchiveImports imports, ExportArchive exportArchive) {
        this.imports = imports;
        this.exportArchive = exportArchive;
    }

    /** Body: the member id. The import this run merges, or null. */
    public PendingImport pending(@Body long memberId) {
        return imports.pending(memberId).orElse(null);
    }

    /**
     * The export's posts sorted into an archive file of their own (weeks ascending), which the run merges with the
     * archive files on Open Humans. The file goes when the run ends.
     */
    public Path archive(@ExchangeProperty(TweetflowExchange.IMPORT) PendingImport pending,
            @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner, Exchange exchange) throws IOException {
        // checked at the upload too; the member may have connected another account since
        if (owner.xConnected() && !owner.xAccount().id().equals(pending.account().id())) {
            throw new ArchiveOfAnotherAccountException("the export you uploaded holds the posts of @"
                    + pending.account().username() + ", but you connected X as @" + owner.xAccount().username()
                    + ": only your own posts can be imported");
        }
        imports.importing(pending.memberId());
        LOG.info("Import of member {}'s X export started", pending.memberId());
        Path file = TemporaryFiles.create(exchange, "tweetflow-export-");
        ArchiveSummary summary;
        try (OutputStream out = Files.newOutputStream(file)) {
            summary = exportArchive.write(pending.posts(), pending.account(), pending.exportedAt(), out);
        }
        imports.sorted(pending.memberId(), summary.weeks());
        return file;
    }

    /** Whether the run uploads a new archive: it fetched something, or merged an import. */
    public boolean anythingToUpload(@Body FetchedWeeks fetched,
            @ExchangeProperty(TweetflowExchange.IMPORT) PendingImport pending) {
        return fetched.isAnything() || pending != null;
    }

    /** The archive on Open Humans now holds the export's posts: the import is done, its posts file goes. */
    public void uploaded(@ExchangeProperty(TweetflowExchange.IMPORT) PendingImport pending) {
        if (pending != null) {
            imports.done(pending.memberId(), pending.posts());
            LOG.info("Import of member {}'s X export done", pending.memberId());
        }
    }

    /**
     * Body: how the run ended. A run that failed for good ends its import too (the archive is as it was). One that
     * waits (an outage, a stop, a cooldown before the upload), lost its lease to another worker, or was cancelled
     * (the member disconnected X meanwhile: the import goes on without X; one who left or had the archive deleted
     * took the import with them) leaves it to the next run.
     */
    public SyncOutcome settle(@Body SyncOutcome outcome,
            @ExchangeProperty(TweetflowExchange.IMPORT) PendingImport pending,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) {
        boolean endsIt = outcome.kind() == SyncOutcome.Kind.FAILED
                && !(caught instanceof LeaseLostException || caught instanceof SyncCancelledException);
        if (pending != null && endsIt && imports.pending(pending.memberId()).isPresent()) {
            imports.failed(pending.memberId(), pending.posts(), "The import stopped: " + outcome.detail()
                    + ". Your archive on Open Humans is as it was; upload the export again to import it.");
            LOG.info("Import of member {}'s X export failed: {}", pending.memberId(), outcome.detail());
        }
        return outcome;
    }
}
