package org.tweetflow.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a collection's summary page shows, each part only when its output is done.
 *
 * @param timeline   posts per hour; null until timeline.csv is made
 * @param charts     the top entries of the count files, in the page's order
 * @param images     the photos; null until count-media.csv is made
 * @param sample     some posts of sample.csv, in id order
 * @param sampleSize how many posts sample.csv holds (the page shows some of them)
 */
public record SummaryPage(TimelineChart timeline, List<BarChart> charts, Images images, List<SampledPost> sample,
        int sampleSize) {

    public boolean isEmpty() {
        return timeline == null && charts.isEmpty() && images == null && sample.isEmpty();
    }

    /** A chart's bar: its label as text, a link when there is a page to go to, the figure and its share of the top. */
    public record Bar(String label, String href, BigDecimal value, double percent) {
    }

    /** Up to the top entries of one output file, most first. */
    public record BarChart(String id, String title, String keyHeading, String valueHeading, String file,
            List<Bar> bars) {
    }

    /**
     * The collection's photos: while they are being fetched (or when fetching failed) only that; once fetched, the
     * most attached ones and the groups of matching ones, shown from the thumbnails kept here, and the hosts that did
     * not answer.
     *
     * @param state         {@value #FETCHING}, {@value #FAILED} or {@value #FETCHED}
     * @param matchingTotal how many groups match; the page shows the largest of them
     * @param unfetched     the hosts whose photos were not fetched for want of an answer (a retry may fetch them)
     */
    public record Images(String state, List<Photo> common, List<Match> matching, int matchingTotal,
            List<Unfetched> unfetched) {

        public static final String FETCHING = "fetching";
        public static final String FAILED = "failed";
        public static final String FETCHED = "fetched";
    }

    /**
     * A photo: its media key (its thumbnail's name here), its address at X for a link (null when not a web
     * address), the posts attaching it (or any identical copy of it: {@code copies} media keys with the same
     * bytes), and whether a thumbnail was kept (not when X no longer served it).
     */
    public record Photo(String mediaKey, String url, long posts, int copies, boolean kept) {
    }

    /**
     * Photos that match (the same picture or a near-duplicate): the most attached of them, how many there are, and
     * the posts attaching them, summed over the photos.
     */
    public record Match(List<Photo> shown, int photos, long attachments) {
    }

    /** Photos of {@code host} not fetched, how many, and why the first of them was not. */
    public record Unfetched(String host, int photos, String why) {
    }

    /** A post of the sample, as tweets.csv has it; {@code createdAt} null when X gave no time. */
    public record SampledPost(String id, Instant createdAt, String author, String text, String url) {
    }
}
