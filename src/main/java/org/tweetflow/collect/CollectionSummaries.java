package org.tweetflow.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tweetflow.TweetflowExchange;
import org.tweetflow.collect.summary.Bundle;
import org.tweetflow.collect.summary.CollectionInfo;
import org.tweetflow.collect.summary.Summaries;
import org.tweetflow.collect.summary.Summary;
import org.tweetflow.collect.summary.SummaryRunner;

/**
 * The step of the {@code summarize-collection} route: every summary output not done yet is computed in one pass over
 * the collection's raw pages, each output recorded as a step of its own (running with progress, done, or failed with
 * why), then the bundle of them all.
 */
@Component("collectionSummaries")
public class CollectionSummaries {

    /** Each output is a step; the bundle is one more, made from them. */
    static final List<String> STEPS = withBundle();

    private static final Logger LOG = LoggerFactory.getLogger(CollectionSummaries.class);

    private final Collections collections;
    private final CollectionSteps steps;
    private final CollectionFiles files;
    private final SummaryRunner runner;
    private final Clock clock;

    public CollectionSummaries(Collections collections, CollectionSteps steps, CollectionFiles files,
            SummaryRunner runner, Clock clock) {
        this.collections = collections;
        this.steps = steps;
        this.files = files;
        this.runner = runner;
        this.clock = clock;
    }

    public void summarize(@ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId) {
        Collection collection = collections.find(collectionId)
                .orElseThrow(() -> new IllegalStateException("collection " + collectionId + " was deleted"));
        List<String> due = steps.pending(collectionId, STEPS);
        List<String> outputs = due.stream().filter(Summaries.FILES::contains).toList();
        Path raw = files.tweets(collectionId);
        try {
            if (!outputs.isEmpty()) {
                steps.set(collectionId, outputs, CollectionStep.RUNNING, "starting", null);
                Summaries summaries = new Summaries(new CollectionInfo(Long.toString(collectionId),
                        collection.query()), clock.instant(), collectionId);
                List<Summary> running = outputs.stream().map(summaries::named).toList();
                runner.run(raw, files.summaries(collectionId), running, progress -> steps.set(collectionId, outputs,
                        progress.done() ? CollectionStep.DONE : CollectionStep.RUNNING,
                        "summarised " + progress.posts() + " posts (" + progress.percent() + " %)", null));
            }
            if (due.contains(Bundle.FILE)) {
                Bundle.write(files.summaries(collectionId), raw.getFileName().toString());
                steps.set(collectionId, List.of(Bundle.FILE), CollectionStep.DONE, null, null);
            }
        } catch (IOException | RuntimeException failed) {
            LOG.warn("Summaries of collection {} failed: {}", collectionId, failed.getMessage());
            List<String> notDone = new ArrayList<>(due);
            steps.set(collectionId, notDone, CollectionStep.FAILED, null, failed.getMessage());
        }
    }

    /** One output's file, if it was made: only the names of the outputs, never a path. */
    public Path file(long collectionId, String name) {
        if (!STEPS.contains(name)) {
            return null;
        }
        Path file = files.summaries(collectionId).resolve(name);
        return Files.exists(file) ? file : null;
    }

    private static List<String> withBundle() {
        List<String> all = new ArrayList<>(Summaries.FILES);
        all.add(Bundle.FILE);
        return List.copyOf(all);
    }
}
