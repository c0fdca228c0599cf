package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestH2;
import org.tweetflow.archive.SyncCancelledException;
import org.tweetflow.archive.SyncOutcome;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.work.LeaseLostException;

/** How the end of the member's archive run decides what becomes of the import it was merging. */
class ImportStepsTest {

    private static final ExportAccount VERA = new ExportAccount("1400000000000000004", "veteran_vera", "Vera");
    private static final SyncOutcome FAILED = new SyncOutcome(SyncOutcome.Kind.FAILED, null, "it failed");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private ArchiveImports imports;
    private ImportSteps steps;
    private long member;
    private PendingImport pending;

    @BeforeEach
    void anImportUnderWay() throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(TestH2.migrated());
        TweetflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("tweetflow.sandbox",
                "true", "tweetflow.imports.dir", dir.toString()))).bind("tweetflow",
                Bindable.of(TweetflowProperties.class)).get();
        imports = new ArchiveImports(jdbc, new ImportFiles(properties), clock);
        steps = new ImportSteps(imports, null);
        jdbc.update("INSERT INTO member (project_member_id, created_at, updated_at) VALUES ('12345678', ?, ?)",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        member = jdbc.queryForObject("SELECT id FROM member", Long.class);
        Path posts = imports.begin(member).orElseThrow();
        Files.writeString(posts, "posts");
        imports.received(member, posts, new ExportContents(VERA, null, 1, List.of(), 0, null, clock.instant()), VERA,
                clock.instant());
        imports.importing(member);
        pending = imports.pending(member).orElseThrow();
    }

    @Test
    void aRunThatFailedForGoodEndsItsImportAndThePostsReadGo() {
        steps.settle(FAILED, pending, new IllegalStateException("unexpected"));

        assertThat(imports.status(member).orElseThrow().state()).isEqualTo(ArchiveImports.FAILED);
        assertThat(imports.status(member).orElseThrow().detail()).contains("it failed");
        assertThat(pending.posts()).doesNotExist();
    }

    @Test
    void aRunCancelledBecauseTheMemberDisconnectedXLeavesTheImportToTheNextRun() {
        steps.settle(FAILED, pending, new SyncCancelledException("cancelled: the member disconnected X or left"));

        assertThat(imports.pending(member)).contains(pending);
        assertThat(pending.posts()).exists();
    }

    @Test
    void aRunThatLostItsLeaseLeavesTheImportToTheWorkerThatTookItOver() {
        steps.settle(FAILED, pending, new LeaseLostException("taken over"));

        assertThat(imports.pending(member)).contains(pending);
        assertThat(pending.posts()).exists();
    }

    @Test
    void aRunThatWaitsLeavesTheImportPending() {
        steps.settle(new SyncOutcome(SyncOutcome.Kind.RETRY, clock.instant(), "Open Humans is away"), pending, null);

        assertThat(imports.pending(member)).contains(pending);
    }
}
