package org.tweetflow.web;

/**
 * What the dashboard shows, ready to display (the page and its live updates read the same record). The figures are
 * there twice: as numbers for scripts, and written for people ({@code ...Shown}, with thousands separators).
 *
 * @param state          idle, queued, syncing, cooling_down, needs_reconnect or failed
 * @param stateLabel     the state in words: "Syncing: week 3 of 14", "Cooling down until …: X's rate limit is reached"
 * @param weekIndex      the weeks of this sync done so far, across its cooldowns
 * @param weekCount      the weeks this sync fetches, the same from its start to its end
 * @param weekSpan       the first and last archived week, "2019-W03 to 2026-W47"; null while none is
 * @param weeksShown     "318 (2019-W03 to 2026-W47)", or "0" while no week is archived
 * @param syncNowAllowed whether the member may ask for a sync now
 * @param syncNowNote    why not, and from when they may: "A sync is under way", "You can ask again from …"
 * @param syncNowFrom    when the member may ask for a sync again, while they asked too recently
 * @param floorNote      for an account older than X's timeline floor: why the archive begins in November 2010
 */
public record DashboardView(long memberId, String twitterUsername, String twitterName, String state,
        String stateLabel, Integer weekIndex, Integer weekCount, String lastCompleteSync, String nextPlannedSync,
        long tweets, String tweetsShown, int weeks, String weekSpan, String weeksShown, boolean hasArchive,
        boolean syncNowAllowed, String syncNowNote, String syncNowFrom, String floorNote) {
}
