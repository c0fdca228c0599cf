package org.tweetflow.web;

import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.tweetflow.collect.CollectionSummaries;

/** One summary output as a download, for the page and the API alike; by its name only, never a path. */
final class SummaryDownloads {

    private SummaryDownloads() {
    }

    static ResponseEntity<FileSystemResource> of(CollectionSummaries summaries, long collectionId, String name) {
        Path file = summaries.file(collectionId, name);
        if (file == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no summary file named '" + name + "' (yet)");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"collection-" + collectionId + "-" + name + "\"")
                .body(new FileSystemResource(file));
    }
}
