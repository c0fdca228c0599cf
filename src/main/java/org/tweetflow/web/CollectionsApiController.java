package org.tweetflow.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionRun;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.CollectionSteps;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.InvalidCollectionException;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.member.Member;

/**
 * The collections' JSON API. A collection that is neither the member's own nor published answers 404, so one can
 * neither read nor guess another member's collections.
 */
@RestController
@RequestMapping("/api/collections")
class CollectionsApiController {

    private final SignedInMember signedIn;
    private final Collections collections;
    private final NewCollections newCollections;
    private final CollectionSteps steps;

    CollectionsApiController(SignedInMember signedIn, Collections collections, NewCollections newCollections,
            CollectionSteps steps) {
        this.signedIn = signedIn;
        this.collections = collections;
        this.newCollections = newCollections;
        this.steps = steps;
    }

    /** What a researcher asks for: a query in X's search syntax, optionally how many posts, and how often again. */
    record NewCollection(String query, @JsonProperty("max_count") Integer maxCount, String repeat) {
    }

    /** A collection as the API shows it. */
    record CollectionView(long id, String query, @JsonProperty("max_count") int maxCount, String state,
            int collected, @JsonProperty("rate_limited_until") Instant rateLimitedUntil, String detail,
            boolean published, @JsonProperty("created_at") Instant createdAt, String repeat,
            @JsonProperty("next_run_at") Instant nextRunAt, String summaries) {

        static CollectionView of(Collection c, String summaries) {
            return new CollectionView(c.id(), c.query(), c.maxCount(), c.state(), c.collected(),
                    Collection.RATE_LIMITED.equals(c.state()) ? c.cooldownUntil() : null, c.detail(), c.published(),
                    c.createdAt(), c.repeat() == null ? null : c.repeat().label(), c.nextRunAt(), summaries);
        }
    }

    /** One run of a collection, with its own counts. */
    record RunView(long id, @JsonProperty("since_id") String sinceId, @JsonProperty("started_at") Instant startedAt,
            @JsonProperty("finished_at") Instant finishedAt, int collected) {

        static RunView of(CollectionRun run) {
            return new RunView(run.id(), run.sinceId(), run.startedAt(), run.finishedAt(), run.collected());
        }
    }

    @PostMapping
    ResponseEntity<CollectionView> create(Authentication authentication, @RequestBody NewCollection asked) {
        Member member = signedIn.of(authentication);
        if (!member.twitterConnected()) {
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
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @ExceptionHandler(InvalidCollectionException.class)
    ResponseEntity<Map<String, String>> refused(InvalidCollectionException invalid) {
        return ResponseEntity.badRequest().body(Map.of("error", invalid.getMessage()));
    }
}
