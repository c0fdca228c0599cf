package org.tweetflow.web;

/**
 * What the import page shows of the member's latest import of their X export (the page and its live updates read
 * the same record).
 *
 * @param state        none, receiving, queued, importing, done, refused or failed
 * @param stateLabel   the state in words, with the figures so far or the reason it ended
 * @param underWay     whether an import is under way (the form waits until it ended)
 * @param postsRead    the posts read from the upload, written for people
 * @param weeks        the weeks of the archive the export filled, written for people; null until sorted
 * @param filesRead    the files read and their posts ("data/tweets.js: 1,000 posts; …")
 * @param filesNotRead what was not read, in words: the rest of the zip, never stored
 * @param account      the export's account, "@veteran_vera"
 * @param exportedAt   when X made the export (the import's weeks are whole up to then)
 */
public record ImportView(long memberId, String state, String stateLabel, boolean underWay, String postsRead,
        String weeks, String filesRead, String filesNotRead, String account, String exportedAt) {
}
