package org.tweetflow.archive;

import org.tweetflow.openhumans.ArchiveUpload;

/** The merged archive ready to upload, and what it holds (recorded once Open Humans has it). */
public record MergedArchive(ArchiveUpload upload, ArchiveSummary summary) {
}
