package org.tweetflow.openhumans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.TweetflowTest;
import org.tweetflow.archive.ConnectedMembers;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.member.Member;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.SandboxFaults.Fault;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.openhumans.SimulatedFile;

@TweetflowTest
class UploadArchiveRouteTest {

    static final String BEN = "10000002";
    static final Map<String, Object> METADATA = Map.of("description", "X posts of small_sam",
            "tags", List.of("Twitter", "tweets", "tweetflow"), "format", ArchiveFormat.FORMAT);

    @Autowired
    ProducerTemplate camel;

    @Autowired
    OpenHumansSimulator openHumans;

    @Autowired
    ConnectedMembers members;

    @Autowired
    SandboxFaults faults;

    @TempDir
    Path temp;

    @AfterEach
    void clear() {
        faults.clear();
        openHumans.clearFiles();
    }

    @Test
    void newArchiveReplacesTheOldOneWhichIsDeletedByItsId() throws IOException {
        SimulatedFile old = openHumans.addFile(BEN, ArchiveFile.BASENAME, "{\"description\":\"old\",\"tags\":[]}",
                "{\"old\":true}".getBytes(StandardCharsets.UTF_8));

        Exchange result = upload("{\"new\":true}", old);

        assertThat(result.getException()).isNull();
        List<SimulatedFile> files = openHumans.files(BEN);
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.id()).isEqualTo(result.getMessage().getBody(Long.class)).isNotEqualTo(old.id());
            assertThat(file.metadataJson()).contains("\"tweetflow\"").contains(ArchiveFormat.FORMAT);
        });
        assertThat(Files.readString(openHumans.path(files.get(0).id()))).isEqualTo("{\"new\":true}");
    }

    @Test
    void failedPutLeavesTheOldArchiveInPlaceAndTheNextAttemptSucceeds() throws IOException {
        SimulatedFile old = openHumans.addFile(BEN, ArchiveFile.BASENAME, "{\"description\":\"old\",\"tags\":[]}",
                "{\"old\":true}".getBytes(StandardCharsets.UTF_8));
        faults.inject(Fault.status("PUT", "/openhumans/storage/**", 403,
                "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"));

        Exchange failed = upload("{\"new\":true}", old);

        assertThat(failed.getException()).isInstanceOf(OpenHumansException.class).hasMessageContaining("403");
        assertThat(openHumans.files(BEN)).extracting(SimulatedFile::id).containsExactly(old.id());

        Exchange retried = upload("{\"new\":true}", old);

        assertThat(retried.getException()).isNull();
        assertThat(openHumans.files(BEN)).extracting(SimulatedFile::basename).containsExactly(ArchiveFile.BASENAME);
        assertThat(openHumans.files(BEN)).extracting(SimulatedFile::id).doesNotContain(old.id());
    }

    @Test
    void failedCompleteLeavesTheOldArchiveInPlace() throws IOException {
        SimulatedFile old = openHumans.addFile(BEN, ArchiveFile.BASENAME, "{\"description\":\"old\",\"tags\":[]}",
                "{\"old\":true}".getBytes(StandardCharsets.UTF_8));
        faults.inject(Fault.status("POST", "/openhumans/api/direct-sharing/project/files/upload/complete/", 400,
                "{\"detail\":\"Invalid file_id.\"}"));

        Exchange failed = upload("{\"new\":true}", old);

        assertThat(failed.getException()).isInstanceOf(OpenHumansException.class);
        assertThat(openHumans.files(BEN)).extracting(SimulatedFile::id).containsExactly(old.id());
    }

    @Test
    void serverErrorsAreRedeliveredAndThePutSendsTheWholeFileAgain() throws IOException {
        SimulatedFile old = openHumans.addFile(BEN, ArchiveFile.BASENAME, "{\"description\":\"old\",\"tags\":[]}",
                "{\"old\":true}".getBytes(StandardCharsets.UTF_8));
        faults.inject(Fault.status("PUT", "/openhumans/storage/**", 503, "<Error><Code>SlowDown</Code></Error>"));
        faults.inject(Fault.status("POST", "/openhumans/api/direct-sharing/project/files/upload/complete/", 502, ""));

        Exchange result = upload("{\"new\":true}", old);

        assertThat(result.getException()).isNull();
        assertThat(openHumans.files(BEN)).singleElement().satisfies(file ->
                assertThat(Files.readString(openHumans.path(file.id()))).isEqualTo("{\"new\":true}"));
    }

    @Test
    void everyOlderArchiveFileIsReplacedSoNoDuplicateRemains() throws IOException {
        SimulatedFile older = openHumans.addFile(BEN, ArchiveFile.BASENAME, "{\"description\":\"old\",\"tags\":[]}",
                "{\"older\":true}".getBytes(StandardCharsets.UTF_8));
        SimulatedFile old = openHumans.addFile(BEN, ArchiveFile.BASENAME, "{\"description\":\"old\",\"tags\":[]}",
                "{\"old\":true}".getBytes(StandardCharsets.UTF_8));

        Exchange result = upload("{\"new\":true}", older, old);

        assertThat(result.getException()).isNull();
        assertThat(openHumans.files(BEN)).singleElement().extracting(SimulatedFile::id)
                .isEqualTo(result.getMessage().getBody(Long.class));
    }

    @Test
    void firstArchiveIsUploadedWithNothingToDelete() throws IOException {
        Exchange result = upload("{\"first\":true}");

        assertThat(result.getException()).isNull();
        assertThat(openHumans.files(BEN)).singleElement()
                .satisfies(file -> assertThat(file.basename()).isEqualTo(ArchiveFile.BASENAME));
        assertThat(openHumans.callCount("delete")).isZero();
    }

    /** Uploads, then deletes the files the new one replaces, as archive-member does. */
    private Exchange upload(String content, SimulatedFile... replaced) throws IOException {
        Path archive = Files.writeString(Files.createTempFile(temp, "archive", ".json"), content);
        Member ben = members.signIn(BEN, Instant.now());
        OpenHumansMember actingFor = new OpenHumansMember(ben.id(), BEN);
        openHumans.resetCounts();
        Exchange uploaded = camel.send("direct:upload-archive", exchange -> {
            exchange.setProperty(TweetflowExchange.OPEN_HUMANS_MEMBER, actingFor);
            exchange.getMessage().setBody(new ArchiveUpload(archive, METADATA));
        });
        if (uploaded.getException() != null) {
            return uploaded;
        }
        Exchange deleted = camel.send("direct:delete-archive-files", exchange -> {
            exchange.setProperty(TweetflowExchange.OPEN_HUMANS_MEMBER, actingFor);
            exchange.getMessage().setBody(Arrays.stream(replaced)
                    .map(file -> new ArchiveFile(file.id(), file.basename(), "unused")).toList());
        });
        return deleted.getException() != null ? deleted : uploaded;
    }
}
