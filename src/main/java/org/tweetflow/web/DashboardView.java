package org.tweetflow.web;

/**
 * What the dashboard shows, ready to display (the page and its live updates read the same record).
 *
 * @param state      idle, queued, syncing, cooling_down, needs_reconnect or failed
 * @param stateLabel the state in words: "Syncing: week 3 of 14", "Cooling down until …: X's rate limit is reached"
 * @param weekSpan   the first and last archived week, "2019-W03 to 2026-W47"
 */
public record DashboardView(long memberId, String twitterUsername, String twitterName, String state,
        String stateLabel, Integer weekIndex, Integer weekCount, String lastCompleteSync, String nextPlannedSync,
        long tweets, int weeks, String weekSpan, boolean hasArchive, String syncNowFrom) {
}
