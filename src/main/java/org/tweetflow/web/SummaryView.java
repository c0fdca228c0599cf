package org.tweetflow.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;
import org.tweetflow.collect.CollectionStep;
import org.tweetflow.collect.CollectionSummaries;
import org.tweetflow.collect.MediaFingerprints;
import org.tweetflow.collect.MediaOverview;
import org.tweetflow.collect.Thumbnails;
import org.tweetflow.collect.summary.CsvReader;
import org.tweetflow.collect.summary.SpreadsheetText;

/**
 * Reads a collection's summary outputs for its page: the first rows of each file (they are sorted, most first), never
 * a whole large file; tweets.csv is not read at all. An output not made yet is left out of the page. Photos are shown
 * only from the thumbnails kept here, never from X.
 */
@Component
class SummaryView {

    static final int TOP = 25;
    static final int SAMPLE = 20;

    /** The bar charts, in the page's order: which file, what its key is, and where a key links to. */
    private static final List<ChartSpec> CHARTS = List.of(
            new ChartSpec("hashtags", "count-hashtags.csv", "Top hashtags", "Hashtag", "Posts",
                    key -> "#" + key, key -> null),
            new ChartSpec("mentions", "count-mentions.csv", "Top mentions", "User", "Mentions",
                    key -> "@" + key, key -> null),
            new ChartSpec("domains", "count-domains.csv", "Top domains", "Domain", "Links",
                    key -> key, key -> null),
            new ChartSpec("urls", "count-urls.csv", "Top links", "Link", "Posts",
                    key -> key, SummaryView::webAddress),
            new ChartSpec("retweets", "retweets.csv", "Top retweets", "Post", "Retweets",
                    key -> "Post " + key, key -> "https://x.com/i/web/status/" + key),
            new ChartSpec("followers", "count-followers.csv", "Most followed authors", "Author", "Followers",
                    key -> key, key -> null),
            new ChartSpec("follow-ratio", "follow-ratio.csv", "Highest follow ratio", "Author",
                    "Followers per followed", key -> key, key -> null));

    private final CollectionSummaries summaries;
    private final MediaFingerprints fingerprints;
    private final Thumbnails thumbnails;

    SummaryView(CollectionSummaries summaries, MediaFingerprints fingerprints, Thumbnails thumbnails) {
        this.summaries = summaries;
        this.fingerprints = fingerprints;
        this.thumbnails = thumbnails;
    }

    /** The page's summaries, of the collection's {@code steps}; {@code seed} picks which posts of sample.csv are shown. */
    SummaryPage of(long collectionId, long seed, List<CollectionStep> steps) {
        try {
            List<SummaryPage.BarChart> charts = new ArrayList<>();
            for (ChartSpec spec : CHARTS) {
                Path file = summaries.file(collectionId, spec.file());
                if (file != null) {
                    charts.add(chart(spec, file));
                }
            }
            Path sample = summaries.file(collectionId, "sample.csv");
            List<SummaryPage.SampledPost> sampled = sample == null ? List.of() : sample(sample);
            return new SummaryPage(timeline(summaries.file(collectionId, "timeline.csv")), charts,
                    images(collectionId, steps), pick(sampled, seed), sampled.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the summaries of collection " + collectionId, e);
        }
    }

    private static SummaryPage.BarChart chart(ChartSpec spec, Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            csv.next(); // the header
            for (List<String> row = csv.next(); row != null && rows.size() < TOP; row = csv.next()) {
                rows.add(new String[] {row.get(0), row.get(row.size() - 1)});
            }
        }
        double top = rows.isEmpty() ? 0 : new BigDecimal(rows.get(0)[1]).doubleValue();
        List<SummaryPage.Bar> bars = rows.stream().map(row -> {
            BigDecimal value = new BigDecimal(row[1]);
            return new SummaryPage.Bar(spec.label().apply(row[0]), spec.link().apply(row[0]), value,
                    top <= 0 ? 0 : Math.round(1000 * value.doubleValue() / top) / 10.0);
        }).toList();
        return new SummaryPage.BarChart(spec.id(), spec.title(), spec.keyHeading(), spec.valueHeading(), spec.file(),
                bars);
    }

    private static TimelineChart timeline(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        Instant first = null;
        List<Long> counts = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            csv.next();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                first = first == null ? Instant.parse(row.get(0)) : first;
                counts.add(Long.parseLong(row.get(1)));
            }
        }
        return TimelineChart.of(first == null ? Instant.EPOCH : first, counts);
    }

    /**
     * Null until count-media.csv is made; the photos themselves once media.csv and media-graph.json are, from the
     * small overview the media step made of them (never the graph or count-media.csv: the page reloads itself).
     */
    private SummaryPage.Images images(long collectionId, List<CollectionStep> steps) throws IOException {
        if (summaries.file(collectionId, "count-media.csv") == null) {
            return null;
        }
        List<String> media = steps.stream().filter(step -> MediaFingerprints.STEPS.contains(step.name()))
                .map(CollectionStep::state).toList();
        if (media.contains(CollectionStep.FAILED)) {
            return new SummaryPage.Images(SummaryPage.Images.FAILED, List.of(), List.of(), 0, List.of());
        }
        if (media.size() < MediaFingerprints.STEPS.size() || !media.stream().allMatch(CollectionStep.DONE::equals)) {
            return new SummaryPage.Images(SummaryPage.Images.FETCHING, List.of(), List.of(), 0, List.of());
        }
        Optional<MediaOverview> made = fingerprints.overview(collectionId);
        if (made.isEmpty()) {
            // made before the overview was: nothing to show without reading the whole graph
            return new SummaryPage.Images(SummaryPage.Images.FAILED, List.of(), List.of(), 0, List.of());
        }
        MediaOverview overview = made.get();
        return new SummaryPage.Images(SummaryPage.Images.FETCHED,
                overview.common().stream().map(shown -> photo(collectionId, shown)).toList(),
                overview.matching().stream().map(group -> new SummaryPage.Match(group.shown().stream()
                        .map(shown -> photo(collectionId, shown)).toList(), group.photos(), group.attachments()))
                        .toList(),
                overview.groups(), overview.unfetched().stream().map(host -> new SummaryPage.Unfetched(host.host(),
                        host.photos(), host.why())).toList());
    }

    private SummaryPage.Photo photo(long collectionId, MediaOverview.Shown shown) {
        return new SummaryPage.Photo(shown.mediaKey(), webAddress(shown.url()), shown.posts(), shown.copies(),
                thumbnails.find(collectionId, shown.mediaKey()).isPresent());
    }

    /** sample.csv whole: it holds at most a hundred posts. */
    private static List<SummaryPage.SampledPost> sample(Path file) throws IOException {
        List<SummaryPage.SampledPost> posts = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            List<String> header = csv.next();
            int id = header.indexOf("id");
            int createdAt = header.indexOf("created_at");
            int author = header.indexOf("author_username");
            int text = header.indexOf("text");
            int url = header.indexOf("tweet_url");
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                posts.add(new SummaryPage.SampledPost(row.get(id), instant(row.get(createdAt)), row.get(author),
                        SpreadsheetText.unguarded(row.get(text)), webAddress(row.get(url))));
            }
        }
        return posts;
    }

    /**
     * {@value #SAMPLE} of the sample's posts, drawn with {@code seed}: another seed shows others ("resample") without
     * a pass over the whole collection, which a new sample.csv would take.
     */
    private static List<SummaryPage.SampledPost> pick(List<SummaryPage.SampledPost> posts, long seed) {
        if (posts.size() <= SAMPLE) {
            return posts;
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, posts.size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return order.subList(0, SAMPLE).stream().sorted().map(posts::get).toList();
    }

    private static Instant instant(String createdAt) {
        return createdAt.isEmpty() ? null : Instant.parse(createdAt);
    }

    /** Only http(s) addresses become links: the data comes from posts anyone can write. */
    static String webAddress(String url) {
        return url.startsWith("https://") || url.startsWith("http://") ? url : null;
    }

    private record ChartSpec(String id, String file, String title, String keyHeading, String valueHeading,
            Function<String, String> label, Function<String, String> link) {
    }
}
