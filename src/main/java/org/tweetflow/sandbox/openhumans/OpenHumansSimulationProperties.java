package org.tweetflow.sandbox.openhumans;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the simulated Open Humans ({@code tweetflow.simulation.openhumans.*}). */
@ConfigurationProperties("tweetflow.simulation.openhumans")
public record OpenHumansSimulationProperties(@DefaultValue("./data/sandbox-openhumans") Path storageDir) {
}
