package org.tweetflow.collect.summary;

import java.time.Instant;
import java.util.List;

/**
 * Every output of a collection by its file name, new for each run (summaries keep state). A route runs them all in
 * one pass, or one file per step so each has its own status and retry.
 */
public final class Summaries {

    /** The files, in the order the outputs table of docs/collections.md lists them. */
    public static final List<String> FILES = List.of("count-hashtags.csv", AccountCounts.MENTIONS, "count-urls.csv",
            "count-domains.csv", "edgelist-hashtags.csv", "edgelist-mentions.csv", AccountCounts.FOLLOWERS,
            FollowRatios.FILE, TopRetweets.FILE, PhotoCounts.FILE, TweetIds.FILE, TweetTable.FILE, TweetSample.FILE,
            Timeline.FILE, AccountCounts.USERS, "count-languages.csv", CollectionSummary.FILE);

    private final CollectionInfo collection;
    private final Instant now;
    private final long sampleSeed;

    /** {@code now} dates summary.json; {@code sampleSeed} picks sample.csv (the same seed, the same sample). */
    public Summaries(CollectionInfo collection, Instant now, long sampleSeed) {
        this.collection = collection;
        this.now = now;
        this.sampleSeed = sampleSeed;
    }

    /**
     * Every output, for one pass; count-users.csv, count-mentions.csv, count-followers.csv and follow-ratio.csv share
     * one table of the accounts.
     */
    public List<Summary> all() {
        Accounts accounts = new Accounts();
        return FILES.stream().map(file -> named(file, accounts)).toList();
    }

    /** The summary that writes {@code file}, one of {@link #FILES}. */
    public Summary named(String file) {
        return named(file, new Accounts());
    }

    private Summary named(String file, Accounts accounts) {
        return switch (file) {
            case "count-hashtags.csv" -> new CountSummary(file, "hashtag",
                    (post, sink) -> post.hashtags().forEach(sink));
            case "count-urls.csv" -> new CountSummary(file, "url", (post, sink) -> post.urls().forEach(sink));
            case "count-domains.csv" -> new CountSummary(file, "domain", (post, sink) -> {
                for (String url : post.urls()) {
                    String domain = PostFields.domain(url);
                    if (domain != null) {
                        sink.accept(domain);
                    }
                }
            });
            case "count-languages.csv" -> new CountSummary(file, "lang", (post, sink) -> {
                if (!post.lang().isEmpty()) {
                    sink.accept(post.lang());
                }
            });
            case AccountCounts.USERS -> AccountCounts.users(accounts);
            case AccountCounts.MENTIONS -> AccountCounts.mentions(accounts);
            case AccountCounts.FOLLOWERS -> AccountCounts.followers(accounts);
            case FollowRatios.FILE -> new FollowRatios(accounts);
            case "edgelist-hashtags.csv" -> new EdgeSummary(file, "user", "hashtag", Post::hashtags);
            case "edgelist-mentions.csv" -> new EdgeSummary(file, "from_user", "to_user", Post::mentions);
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
