package org.tweetflow.archive.export;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One post of the export in the archive's shape: its line of the extracted posts file ({@code {"tweet": …,
 * "media": […]}}), when it was posted, and its author when the post names one (only the oldest exports do).
 */
record ConvertedPost(ObjectNode line, Instant createdAt, ExportAccount author) {
}
