package org.tweetflow.collect.summary;

import java.time.Instant;
import java.util.List;

/**
 * Every output of a collection by its file name, new for each run (summaries keep state). A route runs them all in
 * one pass, or one file per step so each has its own status and retry.
 */
public final class Summaries {

    /** The files, in the order the outputs table of docs/collections.md lists them. */
    public static final List<String> FILES = List.of("count-hashtags.csv", "count-mentions.csv", "count-urls.csv",
            "count-domains.csv", "edgelist-hashtags.csv", "edgelist-mentions.csv", FollowerCounts.FILE,
            FollowRatios.FILE, TopRetweets.FILE, PhotoCounts.FILE, TweetIds.FILE, TweetTable.FILE, TweetSample.FILE,
            Timeline.FILE, "count-users.csv", "count-languages.csv", CollectionSummary.FILE);

    private final CollectionInfo collection;
    private final Instant now;
    private final long sampleSeed;

    /** {@code now} dates summary.json; {@code sampleSeed} picks sample.csv (the same seed, the same sample). */
    public Summaries(CollectionInfo collection, Instant now, long sampleSeed) {
        this.collection = collection;
        this.now = now;
        this.sampleSeed = sampleSeed;
    }

    /** Every output, for one pass; count-followers.csv and follow-ratio.csv share their look-ups of the authors. */
    public List<Summary> all() {
        AuthorMetrics metrics = new AuthorMetrics();
        return FILES.stream().map(file -> named(file, metrics)).toList();
    }

    /** The summary that writes {@code file}, one of {@link #FILES}. */
    public Summary named(String file) {
        return named(file, new AuthorMetrics());
    }

    private Summary named(String file, AuthorMetrics metrics) {
        return switch (file) {
            case "count-hashtags.csv" -> new CountSummary(file, "hashtag",
                    (tweet, includes, sink) -> PostFields.hashtags(tweet, sink));
            case "count-mentions.csv" -> new CountSummary(file, "username",
                    (tweet, includes, sink) -> PostFields.mentions(tweet, sink));
            case "count-urls.csv" -> new CountSummary(file, "url",
                    (tweet, includes, sink) -> PostFields.urls(tweet, sink));
            case "count-domains.csv" -> new CountSummary(file, "domain", (tweet, includes, sink) ->
                    PostFields.urls(tweet, url -> {
                        String domain = PostFields.domain(url);
                        if (domain != null) {
                            sink.accept(domain);
                        }
                    }));
            case "count-users.csv" -> new CountSummary(file, "user", (tweet, includes, sink) -> {
                String author = PostFields.authorKey(tweet, includes);
                if (author != null) {
                    sink.accept(author);
                }
            });
            case "count-languages.csv" -> new CountSummary(file, "lang", (tweet, includes, sink) -> {
                String lang = PostFields.text(tweet, "lang");
                if (!lang.isEmpty()) {
                    sink.accept(lang);
                }
            });
            case "edgelist-hashtags.csv" -> new EdgeSummary(file, "user", "hashtag", PostFields::hashtags);
            case "edgelist-mentions.csv" -> new EdgeSummary(file, "from_user", "to_user", PostFields::mentions);
            case FollowerCounts.FILE -> new FollowerCounts(metrics);
            case FollowRatios.FILE -> new FollowRatios(metrics);
            case TopRetweets.FILE -> new TopRetweets();
            case PhotoCounts.FILE -> new PhotoCounts();
            case TweetIds.FILE -> new TweetIds();
            case TweetTable.FILE -> new TweetTable();
            case TweetSample.FILE -> new TweetSample(TweetSample.SIZE, sampleSeed);
            case Timeline.FILE -> new Timeline();
            case CollectionSummary.FILE -> new CollectionSummary(collection, now);
            default -> throw new IllegalArgumentException("no summary writes " + file);
        };
    }
}
