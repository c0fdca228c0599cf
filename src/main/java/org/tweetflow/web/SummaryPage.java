package org.tweetflow.web;

import java.util.List;

/**
 * What a collection's summary page shows, each part only when its output is done.
 *
 * @param timeline   posts per hour; null until timeline.csv is made
 * @param charts     the top entries of the count files, in the page's order
 * @param photos     the photos attached most often
 * @param sample     some posts of sample.csv, in id order
 * @param sampleSize how many posts sample.csv holds (the page shows some of them)
 */
public record SummaryPage(TimelineChart timeline, List<BarChart> charts, List<CommonPhoto> photos,
        List<SampledPost> sample, int sampleSize) {

    public boolean isEmpty() {
        return timeline == null && charts.isEmpty() && photos.isEmpty() && sample.isEmpty();
    }

    /** A chart's bar: its label as text, a link when there is a page to go to, the figure and its share of the top. */
    public record Bar(String label, String href, String value, double percent) {
    }

    /** Up to the top entries of one output file, most first. */
    public record BarChart(String id, String title, String keyHeading, String valueHeading, String file,
            List<Bar> bars) {
    }

    /** One photo among the most attached, by its URL at X. */
    public record CommonPhoto(String url, long posts) {
    }

    /** A post of the sample, as tweets.csv has it. */
    public record SampledPost(String id, String createdAt, String author, String text, String url) {
    }
}
