package org.tweetflow.web;

import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.tweetflow.collect.Collection;
import org.tweetflow.collect.CollectionExports;

/**
 * An export of the posts created in a range (see ExportRange), streamed as it is read, for the page and the API
 * alike: {@code tweets.jsonl} (the raw pages, as twarc2's tools read them), {@code ids.txt} (dehydrated) or
 * {@code tweets.csv}.
 */
final class ExportDownloads {

    private ExportDownloads() {
    }

    static ResponseEntity<StreamingResponseBody> of(CollectionExports exports, Collection collection, String file,
            ExportRange range) {
        long id = collection.id();
        Instant from = range.from();
        Instant to = range.to();
        StreamingResponseBody body = switch (file) {
            case "tweets.jsonl" -> out -> exports.pages(id, from, to, out);
            case "ids.txt" -> out -> exports.ids(id, from, to, out);
            case "tweets.csv" -> out -> exports.tweetsCsv(collection, from, to, out);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no export named '" + file + "': tweets.jsonl, ids.txt or tweets.csv");
        };
        MediaType type = switch (file) {
            case "tweets.jsonl" -> MediaType.parseMediaType("application/x-ndjson");
            case "ids.txt" -> MediaType.TEXT_PLAIN;
            default -> MediaType.parseMediaType("text/csv");
        };
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"collection-" + id + "-" + file + "\"").body(body);
    }
}
