package org.tweetflow.archive.export;

/**
 * The X account an export belongs to, as its {@code data/account.js} (or manifest) names it: the author of every
 * post in it, since the export's posts carry no author of their own.
 */
public record ExportAccount(String id, String username, String name) {
}
