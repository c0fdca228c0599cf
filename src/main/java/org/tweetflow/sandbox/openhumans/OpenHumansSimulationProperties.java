package org.tweetflow.sandbox.openhumans;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the simulated Open Humans ({@code tweetflow.simulation.openhumans.*}).
 *
 * @param storageDir where uploaded files are kept
 * @param maxPutSize the largest body one presigned PUT takes: S3's limit for a single PUT (larger objects need a
 *                   multipart upload, which Open Humans' direct upload does not offer); a test lowers it
 */
@ConfigurationProperties("tweetflow.simulation.openhumans")
public record OpenHumansSimulationProperties(@DefaultValue("./data/sandbox-openhumans") Path storageDir,
        @DefaultValue("5GB") DataSize maxPutSize) {
}
