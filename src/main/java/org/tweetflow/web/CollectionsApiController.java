package org.tweetflow.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionExports;
import org.tweetflow.collect.CollectionDeletions;
import org.tweetflow.collect.CollectionRun;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.CollectionSteps;
import org.tweetflow.collect.CollectionSummaries;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.HashtagComparison;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;

/**
 * The collections' JSON API. A collection that is neither the member's own nor published answers 404, so one can
 * neither read nor guess another member's collections. Errors are problem details (ApiProblems).
 */
@RestController
@RequestMapping("/api/collections")
class CollectionsApiController {

    private final SignedInMember signedIn;
    private final Collections collections;
    private final NewCollections newCollections;
    private final CollectionSteps steps;
    private final CollectionDeletions deletions;
    private final CollectionExports exports;
    private final HashtagComparison comparison;
    private final CollectionSummaries summaries;

    CollectionsApiController(SignedInMember signedIn, Collections collections, NewCollections newCollections,
            CollectionSteps steps, CollectionDeletions deletions, CollectionExports exports,
            HashtagComparison comparison, CollectionSummaries summaries) {
        this.signedIn = signedIn;
        this.collections = collections;
        this.newCollections = newCollections;
        this.steps = steps;
        this.deletions = deletions;
        this.exports = exports;
        this.comparison = comparison;
        this.summaries = summaries;
    }

    /** What a researcher asks for: a query in X's search syntax, optionally how many posts, and how often again. */
    record NewCollection(String query, @JsonProperty("max_count") Integer maxCount, String repeat) {
    }

    /** A collection as the API shows it. */
    record CollectionView(long id, String query, @JsonProperty("max_count") int maxCount, String state,
            int collected, @JsonProperty("rate_limited_until") Instant rateLimitedUntil, String detail,
            boolean published, @JsonProperty("created_at") Instant createdAt, String repeat,
            @JsonProperty("next_run_at") Instant nextRunAt,
            @JsonProperty("stopped_repeating") boolean stoppedRepeating, String summaries) {

        static CollectionView of(Collection c, String summaries) {
            return new CollectionView(c.id(), c.query(), c.maxCount(), c.state(), c.collected(),
                    Collection.RATE_LIMITED.equals(c.state()) ? c.cooldownUntil() : null, c.detail(), c.published(),
                    c.createdAt(), c.repeat() == null ? null : c.repeat().label(), c.nextRunAt(),
                    c.stoppedRepeating(), summaries);
        }
    }

    /** One run of a collection, with its own counts. */
    record RunView(long id, @JsonProperty("since_id") String sinceId, @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt, int collected, String note) {

        static RunView of(CollectionRun run) {
            return new RunView(run.id(), run.sinceId(), run.startedAt(), run.finishedAt(), run.collected(),
                    run.note());
        }
    }

    @PostMapping
    ResponseEntity<CollectionView> create(Authentication authentication, @RequestBody NewCollection asked) {
        Member member = signedIn.of(authentication);
        if (!newCollections.mayStart(member.twitterConnected())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Connect your X account first: collections are searched with your access to X");
        }
        Collection created = newCollections.start(member.id(), asked.query(), asked.maxCount(), asked.repeat());
        return ResponseEntity.created(URI.create("/api/collections/" + created.id()))
                .body(view(created));
    }

    @GetMapping
    List<CollectionView> mine(Authentication authentication) {
        return collections.of(signedIn.of(authentication).id()).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    CollectionView one(Authentication authentication, @PathVariable long id) {
        return view(visible(authentication, id));
    }

    /** Each summary output's step: its state, progress and, when it failed, why. */
    @GetMapping("/{id}/steps")
    List<CollectionStep> steps(Authentication authentication, @PathVariable long id) {
        return steps.of(visible(authentication, id).id());
    }

    @PostMapping("/{id}/publish")
    CollectionView publish(Authentication authentication, @PathVariable long id) {
        collections.published(own(authentication, id).id(), true);
        return view(collections.find(id).orElseThrow());
    }

    @PostMapping("/{id}/unpublish")
    CollectionView unpublish(Authentication authentication, @PathVariable long id) {
        collections.published(own(authentication, id).id(), false);
        return view(collections.find(id).orElseThrow());
    }

    /** A failed collection is collected again, resuming after its last page; a recurring one resumes its schedule. */
    @PostMapping("/{id}/retry")
    ResponseEntity<CollectionView> retry(Authentication authentication, @PathVariable long id) {
        newCollections.again(own(authentication, id));
        return ResponseEntity.accepted().body(view(collections.find(id).orElseThrow()));
    }

    /** The collection goes, with its runs, steps and files. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Authentication authentication, @PathVariable long id) {
        deletions.delete(own(authentication, id).id());
        return ResponseEntity.noContent().build();
    }

    /**
     * An export for the whole collection or the posts created in a range of days or instants (ExportRange):
     * {@code tweets.jsonl} (the raw pages, as twarc2's tools read them), {@code ids.txt} (dehydrated) or
     * {@code tweets.csv}; streamed.
     */
    @GetMapping("/{id}/export/{file}")
    ResponseEntity<StreamingResponseBody> export(Authentication authentication, @PathVariable long id,
            @PathVariable String file, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return ExportDownloads.of(exports, visible(authentication, id), file, ExportRange.of(from, to));
    }

    /** One summary output (a step's name, once done; bundle.zip), as on the collection's page. */
    @GetMapping("/{id}/files/{name}")
    ResponseEntity<FileSystemResource> output(Authentication authentication, @PathVariable long id,
            @PathVariable String name) {
        return SummaryDownloads.of(summaries, visible(authentication, id).id(), name);
    }

    /** Hashtags side by side: for each hashtag of the collections compared, its count in each (0 when absent). */
    @GetMapping("/compare")
    Map<String, List<Long>> compare(Authentication authentication, @RequestParam List<Long> ids) throws IOException {
        List<Long> chosen = comparison.chosen(ids);
        chosen.forEach(id -> visible(authentication, id));
        return comparison.compare(chosen);
    }

    /** The member's own collection; anyone else's answers 404, published or not. */
    private Collection own(Authentication authentication, long id) {
        long memberId = signedIn.of(authentication).id();
        return collections.find(id).filter(c -> c.memberId() == memberId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "you have no collection " + id));
    }

    private CollectionView view(Collection collection) {
        return CollectionView.of(collection, steps.overall(collection.id()));
    }

    @GetMapping("/{id}/runs")
    List<RunView> runs(Authentication authentication, @PathVariable long id) {
        return collections.runs(visible(authentication, id).id()).stream().map(RunView::of).toList();
    }

    private Collection visible(Authentication authentication, long id) {
        long memberId = signedIn.of(authentication).id();
        return collections.find(id).filter(c -> c.visibleTo(memberId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no collection " + id + " of yours or published"));
    }
}
