package org.tweetflow.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.openhumans.ArchiveFile;
import org.tweetflow.openhumans.ArchiveFiles;
import org.tweetflow.openhumans.ArchiveUpload;

/**
 * The steps of the {@code write-archive} route: merge what was fetched into the existing archive as a stream, and
 * once Open Humans has the new file, record it and name the files it replaces.
 */
@Component("archiveWriter")
public class ArchiveWriter {

    private final ArchiveOwners owners;
    private final ArchiveStreams streams;
    private final ArchiveStates states;
    private final ArchiveDeletions deletions;
    private final Clock clock;

    public ArchiveWriter(ArchiveOwners owners, ArchiveStreams streams, ArchiveStates states,
            ArchiveDeletions deletions, Clock clock) {
        this.owners = owners;
        this.streams = streams;
        this.states = states;
        this.deletions = deletions;
        this.clock = clock;
    }

    /** Body: the fetched weeks. The merged archive, in a temporary file that goes when the sync ends. */
    public MergedArchive merge(@Body FetchedWeeks fetched,
            @ExchangeProperty(TweetflowExchange.EXISTING_ARCHIVE) ExistingArchive existing,
            @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner, Exchange exchange) throws IOException {
        if (!owners.stillConnected(owner)) {
            // e.g. they disconnected X and asked for the archive to be deleted: it must not come back
            throw new SyncCancelledException(MemberSync.CANCELLED);
        }
        Instant now = clock.instant();
        Path merged = TemporaryFiles.create(exchange, "tweetflow-merged-");
        ArchiveSummary summary;
        try (InputStream in = existing.copy() == null ? null : Files.newInputStream(existing.copy());
                OutputStream out = Files.newOutputStream(merged)) {
            summary = streams.merge(in, fetched.weeks(), account(owner, existing), now, out);
        }
        return new MergedArchive(new ArchiveUpload(merged, metadata(summary, now)), summary);
    }

    /**
     * The account the archive names: the member's connected X account, or, for a member who only imported their X
     * export, the export's (merged into the existing copy).
     */
    private static Map<String, Object> account(ArchiveOwner owner, ExistingArchive existing) {
        Map<String, Object> account = new LinkedHashMap<>();
        if (!owner.xConnected()) {
            existing.summary().account().fields().forEachRemaining(field -> account.put(field.getKey(),
                    field.getValue().asText()));
            return account;
        }
        account.put("id", owner.xAccount().id());
        account.put("username", owner.xAccount().username());
        account.put("name", owner.xAccount().name());
        return account;
    }

    /**
     * Whether the member asked for their archive to be deleted while this sync ran, or a deletion is still pending:
     * its upload must go too (a pending deletion removes every archive file once Open Humans answers).
     */
    public boolean withdrawn(@ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner,
            @ExchangeProperty(TweetflowExchange.SYNC_STARTED) Instant started) {
        return states.archiveDeletedSince(owner.memberId(), started) || deletions.pending(owner.memberId());
    }

    /** Body: the new file's id. The file itself, to delete when the sync was withdrawn. */
    public List<ArchiveFile> newFile(@Body long fileId) {
        return List.of(new ArchiveFile(fileId, ArchiveFile.BASENAME, null));
    }

    /** Body: the new file's id. Open Humans now holds the merged archive; the files it replaces go next. */
    public List<ArchiveFile> uploaded(@Body long fileId, @ExchangeProperty(TweetflowExchange.OWNER) ArchiveOwner owner,
            @ExchangeProperty(TweetflowExchange.MERGED) MergedArchive merged,
            @ExchangeProperty(TweetflowExchange.FETCHED) FetchedWeeks fetched,
            @ExchangeProperty(TweetflowExchange.ARCHIVE_FILES) ArchiveFiles replaced) {
        states.archived(owner.memberId(), merged.summary(), fileId, !fetched.isStopped());
        return replaced.all();
    }

    private static Map<String, Object> metadata(ArchiveSummary summary, Instant now) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("description", "Posts of @" + summary.account().path("username").asText()
                + " on Twitter (X), by ISO week, archived by tweetflow");
        metadata.put("tags", List.of("Twitter", "tweets", "tweetflow"));
        metadata.put("updated_at", now.toString());
        metadata.put("format", ArchiveFormat.FORMAT);
        metadata.put("tweets", summary.tweets());
        metadata.put("weeks", summary.weeks());
        metadata.put("first_week", summary.firstWeek() == null ? null : summary.firstWeek().toString());
        metadata.put("last_week", summary.lastWeek() == null ? null : summary.lastWeek().toString());
        return metadata;
    }
}
