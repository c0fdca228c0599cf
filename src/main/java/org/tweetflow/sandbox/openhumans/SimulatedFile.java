package org.tweetflow.sandbox.openhumans;

import java.time.Instant;

/** A completed file of a member in the simulated Open Humans project. */
public record SimulatedFile(long id, String projectMemberId, String basename, String metadataJson, long size,
        Instant created) {
}
