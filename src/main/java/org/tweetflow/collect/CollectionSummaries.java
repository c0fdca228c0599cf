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
import org.tweetflow.work.LeaseLostException;
import org.tweetflow.work.WorkItem;

/**
 * The steps of the {@code summarize-collection} route: every summary output due is computed in one pass over the
 * collection's raw pages, each output recorded as a step of its own (running with progress, done, or failed with
 * why); after the photos' fingerprints, the bundle of them all.
 */
@Component("collectionSummaries")
public class CollectionSummaries {

    /** Each output is a step, the photos' fingerprints two more; the bundle is the last, made from them all. */
    public static final List<String> STEPS = allSteps();

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

    public void summarize(@ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        Collection collection = collections.find(collectionId)
                .orElseThrow(() -> new IllegalStateException("collection " + collectionId + " was deleted"));
        List<String> outputs = steps.claim(collectionId, item, Summaries.FILES);
        Path raw = files.tweets(collectionId);
        try {
            if (!outputs.isEmpty()) {
                Summaries summaries = new Summaries(new CollectionInfo(Long.toString(collectionId),
                        collection.query()), clock.instant(), collectionId);
                List<Summary> running = outputs.stream().map(summaries::named).toList();
                runner.run(raw, collection.dataLength(), files.summaries(collectionId), running,
                        progress -> steps.set(collectionId, item, outputs,
                        progress.done() ? CollectionStep.DONE : CollectionStep.RUNNING,
                        "summarised " + progress.posts() + " posts (" + progress.percent() + " %)", null));
            }
        } catch (LeaseLostException taken) {
            // the new holder runs these steps: nothing is recorded by this pass
            throw taken;
        } catch (IOException | RuntimeException failed) {
            // nothing a provider answered: the operator needs the trace
            LOG.error("Summaries of collection {} failed", collectionId, failed);
            steps.set(collectionId, item, outputs, CollectionStep.FAILED, null, failed.getMessage());
        }
    }

    /**
     * The bundle of every output, once it is due and they are all made; while an output is still to be made (retried
     * during this pass) it waits, pending, for the pass that makes it.
     */
    public void bundle(@ExchangeProperty(TweetflowExchange.COLLECTION_ID) long collectionId,
            @ExchangeProperty(TweetflowExchange.WORK_ITEM) WorkItem item) {
        if (steps.claim(collectionId, item, List.of(Bundle.FILE)).isEmpty()) {
            return;
        }
        List<String> others = steps.of(collectionId).stream().filter(step -> !step.name().equals(Bundle.FILE))
                .map(CollectionStep::state).toList();
        if (others.contains(CollectionStep.FAILED)) {
            steps.set(collectionId, item, List.of(Bundle.FILE), CollectionStep.FAILED, null,
                    "waits for the outputs it bundles: retry those first");
            return;
        }
        if (others.stream().anyMatch(state -> !CollectionStep.DONE.equals(state))) {
            steps.set(collectionId, item, List.of(Bundle.FILE), CollectionStep.PENDING, null, null);
            return;
        }
        try {
            Bundle.write(files.summaries(collectionId), files.tweets(collectionId).getFileName().toString());
            steps.set(collectionId, item, List.of(Bundle.FILE), CollectionStep.DONE, null, null);
        } catch (IOException | RuntimeException failed) {
            LOG.error("The bundle of collection {} failed", collectionId, failed);
            steps.set(collectionId, item, List.of(Bundle.FILE), CollectionStep.FAILED, null, failed.getMessage());
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

    private static List<String> allSteps() {
        List<String> all = new ArrayList<>(Summaries.FILES);
        all.addAll(MediaFingerprints.STEPS);
        all.add(Bundle.FILE);
        return List.copyOf(all);
    }
}
