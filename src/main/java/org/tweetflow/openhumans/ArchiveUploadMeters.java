package org.tweetflow.openhumans;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Bytes of archive files uploaded to Open Humans (docs/operations.md, "Metrics"). */
@Component
public class ArchiveUploadMeters {

    private final Counter uploaded;

    public ArchiveUploadMeters(MeterRegistry registry) {
        uploaded = Counter.builder("tweetflow.archive.uploaded").baseUnit("bytes")
                .description("Bytes of archive files uploaded to Open Humans").register(registry);
    }

    public void uploaded(long bytes) {
        uploaded.increment(bytes);
    }
}
