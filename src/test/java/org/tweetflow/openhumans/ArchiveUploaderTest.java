package org.tweetflow.openhumans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bytes of every archive file whose PUT went through are counted once, when the upload is completed. */
class ArchiveUploaderTest {

    final MeterRegistry registry = new SimpleMeterRegistry();
    final ArchiveUploader uploader = new ArchiveUploader(new OpenHumansEndpoints(URI.create("https://oh.test"),
            "client", "secret"), new ObjectMapper(), new ArchiveUploadMeters(registry));

    @Test
    void theBytesOfEachCompletedUploadAreCounted(@TempDir Path dir) throws Exception {
        Path archive = Files.write(dir.resolve("archive.json"), new byte[1234]);
        Path next = Files.write(dir.resolve("next.json"), new byte[66]);
        OpenHumansMember member = new OpenHumansMember(7, "12345678");

        uploader.putFile(new UploadTarget(1, "https://s3.test/1"), new ArchiveUpload(archive, Map.of()));
        assertThat(uploaded()).as("a PUT prepared is not yet uploaded").isZero();
        uploader.complete(new UploadTarget(1, "https://s3.test/1"), new ArchiveUpload(archive, Map.of()), member);
        uploader.complete(new UploadTarget(2, "https://s3.test/2"), new ArchiveUpload(next, Map.of()), member);

        assertThat(uploaded()).isEqualTo(1300);
    }

    private double uploaded() {
        return registry.get("tweetflow.archive.uploaded").counter().count();
    }
}
