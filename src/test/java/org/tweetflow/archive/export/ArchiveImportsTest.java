package org.tweetflow.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tweetflow.MutableClock;
import org.tweetflow.TestH2;
import org.tweetflow.config.TweetflowProperties;

class ArchiveImportsTest {

    private static final ExportAccount VERA = new ExportAccount("1000000000000000004", "veteran_vera", "Veteran Vera");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    private JdbcTemplate jdbc;
    private ArchiveImports imports;
    private long member;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(TestH2.migrated());
        TweetflowProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                "tweetflow.sandbox", "true", "tweetflow.imports.dir", dir.toString())))
                .bind("tweetflow", Bindable.of(TweetflowProperties.class)).get();
        imports = new ArchiveImports(jdbc, new ImportFiles(properties), clock);
        jdbc.update("INSERT INTO member (project_member_id, created_at, updated_at) VALUES ('12345678', ?, ?)",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        member = jdbc.queryForObject("SELECT id FROM member", Long.class);
    }

    @Test
    void anUploadReadAndCheckedIsPendingForTheMembersArchiveRun() throws IOException {
        Path posts = imports.begin(member).orElseThrow();
        Files.writeString(posts, "posts");

        assertThat(imports.received(member, posts, contents(1200), VERA, clock.instant())).isTrue();

        assertThat(imports.pending(member)).contains(new PendingImport(member, posts, VERA, clock.instant()));
        assertThat(imports.status(member).orElseThrow().state()).isEqualTo(ArchiveImports.QUEUED);
        assertThat(imports.status(member).orElseThrow().filesRead())
                .isEqualTo("data/account.js; data/tweets.js: 1,200 posts; data/tweets-part1.js: 1 post");
    }

    @Test
    void aSecondUploadIsRefusedWhileAnImportIsUnderWay() throws IOException {
        Path posts = imports.begin(member).orElseThrow();
        imports.received(member, posts, contents(3), VERA, clock.instant());

        assertThat(imports.begin(member)).isEmpty();
        imports.importing(member);
        assertThat(imports.begin(member)).isEmpty();
    }

    @Test
    void anUploadSilentPastItsTimeIsTakenForAbandonedAndItsFileGoes() throws IOException {
        Path abandoned = imports.begin(member).orElseThrow();
        Files.writeString(abandoned, "posts");
        clock.advance(ArchiveImports.ABANDONED_AFTER.minusSeconds(1));
        assertThat(imports.begin(member)).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        Path next = imports.begin(member).orElseThrow();

        assertThat(next).isNotEqualTo(abandoned);
        assertThat(abandoned).doesNotExist();
        // the abandoned upload, should it still be read somewhere, can no longer touch the new one's row
        assertThat(imports.receiving(member, abandoned, 10)).isFalse();
        assertThat(imports.received(member, abandoned, contents(10), VERA, clock.instant())).isFalse();
        assertThat(imports.receiving(member, next, 10)).isTrue();
    }

    @Test
    void anUploadThatBrokeOffWithItsReplicaShowsAsFailedAndTheDailyScanDeletesWhatItRead() throws IOException {
        Path posts = imports.begin(member).orElseThrow();
        Files.writeString(posts, "posts");
        imports.receiving(member, posts, 1000);
        assertThat(imports.endAbandoned()).isZero();
        assertThat(imports.status(member).orElseThrow().state()).isEqualTo(ArchiveImports.RECEIVING);

        clock.advance(ArchiveImports.ABANDONED_AFTER.plusSeconds(1));

        assertThat(imports.status(member).orElseThrow().state()).isEqualTo(ArchiveImports.FAILED);
        assertThat(imports.status(member).orElseThrow().detail()).isEqualTo(ArchiveImports.BROKEN_OFF);
        assertThat(imports.status(member).orElseThrow().underWay()).isFalse();
        assertThat(imports.endAbandoned()).isEqualTo(1);
        assertThat(posts).doesNotExist();
        assertThat(imports.status(member).orElseThrow().state()).isEqualTo(ArchiveImports.FAILED);
    }

    @Test
    void howeverAnImportEndsThePostsReadGo() throws IOException {
        for (String end : List.of(ArchiveImports.DONE, ArchiveImports.REFUSED, ArchiveImports.FAILED)) {
            Path posts = imports.begin(member).orElseThrow();
            Files.writeString(posts, "posts");
            imports.received(member, posts, contents(5), VERA, clock.instant());
            switch (end) {
                case ArchiveImports.DONE -> imports.done(member, posts);
                case ArchiveImports.REFUSED -> imports.refused(member, posts, "not an X export");
                default -> imports.failed(member, posts, "the archive on Open Humans is another account's");
            }

            assertThat(posts).as(end).doesNotExist();
            assertThat(imports.pending(member)).as(end).isEmpty();
            assertThat(imports.status(member).orElseThrow().state()).isEqualTo(end);
            assertThat(imports.status(member).orElseThrow().finishedAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void aMemberWhoLeavesTakesTheirImportAndItsPostsWithThem() throws IOException {
        Path posts = imports.begin(member).orElseThrow();
        Files.writeString(posts, "posts");

        imports.forget(member);

        assertThat(posts).doesNotExist();
        assertThat(imports.status(member)).isEmpty();
    }

    private static ExportContents contents(long posts) {
        return new ExportContents(VERA, null, posts + 1, List.of(new ExportContents.FileRead("data/account.js", 0),
                new ExportContents.FileRead("data/tweets.js", posts),
                new ExportContents.FileRead("data/tweets-part1.js", 1)), 3, null, Instant.parse("2026-11-30T10:00:00Z"));
    }
}
