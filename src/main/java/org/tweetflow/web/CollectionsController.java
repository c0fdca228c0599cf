package org.tweetflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionDeletions;
import org.tweetflow.collect.CollectionExports;
import org.tweetflow.collect.CollectionFiles;
import org.tweetflow.collect.summary.CommittedBytes;
import org.tweetflow.collect.CollectionLimitException;
import org.tweetflow.collect.CollectionRun;
import org.tweetflow.collect.CollectionStateException;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.CollectionSteps;
import org.tweetflow.collect.CollectionSummaries;
import org.tweetflow.collect.Collections;
import org.tweetflow.collect.HashtagComparison;
import org.tweetflow.collect.InvalidCollectionException;
import org.tweetflow.collect.NewCollections;
import org.tweetflow.collect.SummaryRetries;
import org.tweetflow.collect.Thumbnails;
import org.tweetflow.member.Member;

/**
 * The collections' pages: the member's collections with the form that starts one, and one collection's state, its
 * summary (charts of the outputs made so far, the photos from the thumbnails kept here) and its files to download.
 * Another member's unpublished collection answers 404, its thumbnails too.
 */
@Controller
class CollectionsController {

    private final SignedInMember signedIn;
    private final Collections collections;
    private final NewCollections newCollections;
    private final CollectionFiles files;
    private final CollectionSteps steps;
    private final CollectionSummaries summaries;
    private final SummaryView summaryView;
    private final SummaryRetries retries;
    private final CollectionDeletions deletions;
    private final HashtagComparison comparison;
    private final Thumbnails thumbnails;
    private final CollectionExports exports;
    private final CollectedOutcome outcome;

    CollectionsController(SignedInMember signedIn, Collections collections, NewCollections newCollections,
            CollectionFiles files, CollectionSteps steps, CollectionSummaries summaries, SummaryView summaryView,
            SummaryRetries retries, CollectionDeletions deletions, HashtagComparison comparison,
            Thumbnails thumbnails, CollectionExports exports, CollectedOutcome outcome) {
        this.exports = exports;
        this.outcome = outcome;
        this.deletions = deletions;
        this.comparison = comparison;
        this.thumbnails = thumbnails;
        this.signedIn = signedIn;
        this.collections = collections;
        this.newCollections = newCollections;
        this.files = files;
        this.steps = steps;
        this.summaries = summaries;
        this.summaryView = summaryView;
        this.retries = retries;
    }

    /** The member's collections and the form, filled in when "edit and start again" links here with a query. */
    @GetMapping("/collections")
    String list(Authentication authentication, @RequestParam(required = false) String query,
            @RequestParam(name = "max_count", required = false) Integer maxCount,
            @RequestParam(required = false) String repeat, Model model) {
        return list(signedIn.of(authentication), query, maxCount, repeat, model);
    }

    @PostMapping("/collections")
    String create(Authentication authentication, @RequestParam String query,
            @RequestParam(name = "max_count", required = false) Integer maxCount,
            @RequestParam(required = false) String repeat, Model model, HttpServletResponse response) {
        Member member = signedIn.of(authentication);
        if (!newCollections.mayStart(member.twitterConnected())) {
            return "redirect:/connect";
        }
        try {
            return "redirect:/collections/" + newCollections.start(member.id(), query, maxCount, repeat).id();
        } catch (InvalidCollectionException refused) {
            return notStarted(member, refused, HttpStatus.BAD_REQUEST, query, maxCount, repeat, model, response);
        } catch (CollectionLimitException tooMany) {
            return notStarted(member, tooMany, HttpStatus.TOO_MANY_REQUESTS, query, maxCount, repeat, model, response);
        }
    }

    /** The form again, as it was filled in, with the reason it was not started. */
    private String notStarted(Member member, RuntimeException refused, HttpStatus status, String query,
            Integer maxCount, String repeat, Model model, HttpServletResponse response) {
        model.addAttribute("error", "Not started: " + refused.getMessage() + ".");
        response.setStatus(status.value());
        return list(member, query, maxCount, repeat, model);
    }

    /** Hashtags of two or more collections side by side, most used first (the top 50). */
    @GetMapping("/collections/compare")
    String compare(Authentication authentication, @RequestParam List<Long> ids, Model model) throws IOException {
        List<Long> chosen = comparison.chosen(ids);
        List<Collection> compared = chosen.stream().map(id -> visible(authentication, id)).toList();
        model.addAttribute("collections", compared);
        model.addAttribute("hashtags", comparison.compare(chosen).entrySet().stream().limit(50).toList());
        return "compare";
    }

    /** {@code seed} picks the sampled posts shown; "Resample" links to the page with a new one. */
    @GetMapping("/collections/{id}")
    String one(Authentication authentication, @PathVariable long id,
            @RequestParam(required = false, defaultValue = "0") long seed, Model model) {
        Collection collection = visible(authentication, id);
        model.addAttribute("collection", collection);
        model.addAttribute("owner", collection.memberId() == signedIn.of(authentication).id());
        // a failed one-off can only fail again as it is: its owner edits the query and starts anew; a recurring one
        // that stopped may also resume its schedule once the cause (a disconnected account) is mended
        boolean failed = newCollections.canCollectAgain(collection);
        model.addAttribute("editAgain", failed);
        model.addAttribute("collectAgain", failed && collection.stoppedRepeating());
        model.addAttribute("hasPages", collection.dataLength() > 0);
        List<CollectionRun> runs = collections.runs(collection.id());
        model.addAttribute("runs", runs);
        model.addAttribute("outcome", outcome.of(collection, runs));
        List<CollectionStep> collectionSteps = steps.of(collection.id());
        model.addAttribute("steps", collectionSteps);
        String summarised = CollectionSteps.overall(collectionSteps);
        model.addAttribute("summaries", summarised);
        // reloads itself until collecting and summarising are over (summaries start once a run has collected)
        model.addAttribute("refresh", collecting(collection) || Collection.COLLECTED.equals(collection.state())
                && ("not summarised".equals(summarised) || "summarising".equals(summarised)));
        model.addAttribute("summary", summaryView.of(collection.id(), seed, collectionSteps));
        model.addAttribute("hasBundle", summaries.file(collection.id(), "bundle.zip") != null);
        model.addAttribute("nextSeed", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        return "collection";
    }

    /**
     * The raw pages as collected: one X answer per line, as twarc writes them, streamed; the recorded ones only (a
     * page a running collection appended but not recorded yet may still be cut).
     */
    @GetMapping("/collections/{id}/tweets.jsonl")
    ResponseEntity<StreamingResponseBody> tweets(Authentication authentication, @PathVariable long id) {
        Collection collection = visible(authentication, id);
        Path file = files.tweets(collection.id());
        if (!Files.exists(file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"collection-" + id + "-tweets.jsonl\"")
                .body(out -> {
                    try (InputStream committed = CommittedBytes.of(file, collection.dataLength())) {
                        committed.transferTo(out);
                    }
                });
    }

    /**
     * The page's export form: the posts created from the first day to the last (UTC, both included; either left
     * empty for no bound; instants too, as the API takes them), as tweets.jsonl, ids.txt or tweets.csv, streamed.
     */
    @GetMapping("/collections/{id}/export")
    ResponseEntity<StreamingResponseBody> export(Authentication authentication, @PathVariable long id,
            @RequestParam String file, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return ExportDownloads.of(exports, visible(authentication, id), file, ExportRange.of(from, to));
    }

    /** One summary output, by its name only. */
    @GetMapping("/collections/{id}/files/{name}")
    ResponseEntity<FileSystemResource> output(Authentication authentication, @PathVariable long id,
            @PathVariable String name) {
        return SummaryDownloads.of(summaries, visible(authentication, id).id(), name);
    }

    /**
     * A photo's thumbnail, to whoever may see the collection's page. Cached by the reader's browser only, and for an
     * hour: a collection unpublished or deleted stops showing soon.
     */
    @GetMapping("/collections/{id}/media/{mediaKey}.jpg")
    ResponseEntity<FileSystemResource> thumbnail(Authentication authentication, @PathVariable long id,
            @PathVariable String mediaKey) {
        Path file = thumbnails.find(visible(authentication, id).id(), mediaKey)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }

    /** The owner publishes the collection (anyone signed in may read it, the feed lists it) or takes it back. */
    @PostMapping("/collections/{id}/published")
    String publish(Authentication authentication, @PathVariable long id, @RequestParam boolean published) {
        collections.published(own(authentication, id).id(), published);
        return "redirect:/collections/" + id;
    }

    /** The owner collects a failed collection again; the page shows it queued, or why not (another was first). */
    @PostMapping("/collections/{id}/retry")
    String again(Authentication authentication, @PathVariable long id, RedirectAttributes redirect) {
        try {
            newCollections.again(own(authentication, id));
        } catch (CollectionStateException | CollectionLimitException refused) {
            redirect.addFlashAttribute("error", "Not collected again: " + refused.getMessage() + ".");
        }
        return "redirect:/collections/" + id;
    }

    /** The owner deletes the collection, its runs, summaries and files. */
    @PostMapping("/collections/{id}/delete")
    String delete(Authentication authentication, @PathVariable long id) {
        deletions.delete(own(authentication, id).id());
        return "redirect:/collections";
    }

    private Collection own(Authentication authentication, long id) {
        Collection collection = visible(authentication, id);
        if (collection.memberId() != signedIn.of(authentication).id()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return collection;
    }

    /**
     * A failed summary step runs again, alone, queued as work for a worker; the page answers at once and shows it
     * pending, then its progress.
     */
    @PostMapping("/collections/{id}/steps/{name}/retry")
    String retry(Authentication authentication, @PathVariable long id, @PathVariable String name) {
        if (!retries.retry(own(authentication, id).id(), name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/collections/" + id;
    }

    private String list(Member member, String query, Integer maxCount, String repeat, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("maxCount", maxCount);
        model.addAttribute("repeat", repeat);
        List<Collection> mine = collections.of(member.id());
        model.addAttribute("collections", mine);
        model.addAttribute("mayCollect", newCollections.mayStart(member.twitterConnected()));
        // the page reloads itself while anything is still being collected
        model.addAttribute("refresh", mine.stream().anyMatch(CollectionsController::collecting));
        return "collections";
    }

    private static boolean collecting(Collection collection) {
        return Collection.QUEUED.equals(collection.state()) || Collection.COLLECTING.equals(collection.state())
                || Collection.RATE_LIMITED.equals(collection.state()) || Collection.RETRYING.equals(collection.state());
    }

    private Collection visible(Authentication authentication, long id) {
        long memberId = signedIn.of(authentication).id();
        return collections.find(id).filter(c -> c.visibleTo(memberId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A comparison or an export asked for in a way it cannot be made: why, on a 400 page. */
    @ExceptionHandler(InvalidCollectionException.class)
    ModelAndView refused(InvalidCollectionException refused) {
        return badRequest(refused.getMessage());
    }

    /** An id or a number in the address that is not one (a link cut short, a hand-typed address). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView unreadable(MethodArgumentTypeMismatchException unreadable) {
        return badRequest(ProblemPage.notANumber(unreadable));
    }

    private static ModelAndView badRequest(String reason) {
        ExtendedModelMap model = new ExtendedModelMap();
        String view = ProblemPage.show(model, "Not done", StringUtils.capitalize(reason) + ".", "/collections");
        return new ModelAndView(view, model, HttpStatus.BAD_REQUEST);
    }
}
