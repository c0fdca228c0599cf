package org.tweetflow.sandbox.x;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A demo account's "Your X data" export, as X builds it on request: every post of the account from its first (withheld
 * ones too), in parts that are not in date order, with a direct message, likes and the pictures of its photos.
 */
public final class XDataExport {

    /**
     * The text of the one direct message in every export: private data that an import must never store, log or
     * upload, so a test can search for it everywhere.
     */
    public static final String DIRECT_MESSAGE_MARKER = "tweetflow-sandbox-private-direct-message-5e1f0c";
    /** X cuts its parts at about 100 MB; here at 1 MB, so even a demo account's export has several parts. */
    static final long PART_BYTES = 1 << 20;
    /** X's exports show a retweet only as its text, cut at 140 characters. */
    static final int RETWEET_LENGTH = 140;

    private static final Map<String, String> SOURCE_URLS = Map.of(
            "Twitter Web App", "https://mobile.twitter.com",
            "Twitter for Android", "http://twitter.com/download/android",
            "Twitter for iPhone", "http://twitter.com/download/iphone",
            "TweetDeck", "https://about.twitter.com/products/tweetdeck");

    private final XSimulator sim;
    private final DemoPictures pictures;
    private final XRenderer renderer;

    XDataExport(XSimulator sim, DemoPictures pictures, String publicUrl) {
        this.sim = sim;
        this.pictures = pictures;
        this.renderer = new XRenderer(sim, Map.of(), publicUrl);
    }

    /** The email address the account's export shows (private data, like the direct message). */
    public static String email(XSimulator.Account account) {
        return account.username() + "@private-mail.sandbox.invalid";
    }

    /** Writes the account's export zip into the stream as it is made (the zip is never held whole). */
    void write(XSimulator.Account account, OutputStream out) throws IOException {
        Instant now = sim.clock().instant();
        List<Tweet> oldestFirst = sim.posts(account.id());
        List<ExportPost> posts = IntStream.range(0, oldestFirst.size())
                .mapToObj(i -> post(oldestFirst.get(ExportZipWriter.exportOrder(i, oldestFirst.size())))).toList();
        try (ExportZipWriter zip = new ExportZipWriter(out, new ExportZipWriter.Owner(account.id(),
                account.username(), account.name(), account.createdAt(), email(account)), now)) {
            zip.posts(posts.iterator(), PART_BYTES);
            String other = XSimulator.SAM.equals(account.id()) ? XSimulator.SANDY : XSimulator.SAM;
            Instant sent = now.minus(Duration.ofDays(3));
            zip.directMessages(List.of(new ExportZipWriter.DirectMessage(
                    (sent.toEpochMilli() - XSimulator.TWITTER_EPOCH) << 22, account.id(), other,
                    DIRECT_MESSAGE_MARKER, sent)));
            zip.likes(sim.recentTweets(now.minus(Duration.ofDays(7))).stream()
                    .filter(t -> !t.authorId().equals(account.id())).limit(3)
                    .map(t -> new ExportZipWriter.Like(t.idString(), t.text(),
                            "https://twitter.com/i/web/status/" + t.idString()))
                    .toList());
            for (ExportPost post : posts) {
                for (ExportPost.Photo photo : post.photos()) {
                    zip.media(post.id(), photo, new ByteArrayInputStream(pictures.jpeg(picture(photo))));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private ExportPost post(Tweet t) {
        boolean retweet = t.referencedTweets().stream().anyMatch(r -> r.type().equals("retweeted"));
        Tweet shown = retweet ? cut(t) : t;
        // of a cut retweet, only the entities wholly before the cut
        int limit = shown == t ? Integer.MAX_VALUE : RETWEET_LENGTH - 1;
        Map<String, Object> entities = renderer.entities(shown);
        entities.replaceAll((kind, spans) -> ((List<Map<String, Object>>) spans).stream()
                .filter(span -> end(span) < limit).toList());
        List<ExportPost.Hashtag> hashtags = new ArrayList<>();
        for (Map<String, Object> h : (List<Map<String, Object>>) entities.getOrDefault("hashtags", List.of())) {
            hashtags.add(new ExportPost.Hashtag(start(h), end(h), (String) h.get("tag")));
        }
        List<ExportPost.Mention> mentions = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) entities.getOrDefault("mentions", List.of())) {
            // X links a mention only to an account that exists
            sim.accountByUsername((String) m.get("username")).ifPresent(a -> mentions.add(
                    new ExportPost.Mention(start(m), end(m), a.username(), a.id(), a.name())));
        }
        List<ExportPost.Link> urls = new ArrayList<>();
        List<ExportPost.Photo> photos = new ArrayList<>();
        for (Map<String, Object> u : (List<Map<String, Object>>) entities.getOrDefault("urls", List.of())) {
            String key = (String) u.get("media_key");
            XSimulator.Media media = key == null ? null : sim.media(key).orElse(null);
            if (media != null) {
                photos.add(new ExportPost.Photo(start(u), end(u), Long.parseLong(key.substring(key.indexOf('_') + 1)),
                        (String) u.get("url"), (String) u.get("expanded_url"), (String) u.get("display_url"),
                        renderer.address(media.url()), media.width(), media.height()));
            } else {
                urls.add(new ExportPost.Link(start(u), end(u), (String) u.get("url"), (String) u.get("expanded_url"),
                        (String) u.get("display_url")));
            }
        }
        ExportPost.Reply reply = t.referencedTweets().stream().filter(r -> r.type().equals("replied_to")).findFirst()
                .map(r -> new ExportPost.Reply(r.id(), t.inReplyToUserId(), sim.account(t.inReplyToUserId())
                        .map(XSimulator.Account::username).orElse(null)))
                .orElse(null);
        return new ExportPost(t.id(), t.createdAt(), shown.text(), t.lang(), t.source(),
                SOURCE_URLS.getOrDefault(t.source(), "https://x.com"), reply, hashtags, mentions, urls, photos,
                t.metrics().likeCount(), t.metrics().retweetCount(), sim.editHistory(t));
    }

    /** A retweet as X's export shows it: its text cut at 140 characters. */
    private static Tweet cut(Tweet t) {
        String text = t.text();
        if (text.codePointCount(0, text.length()) <= RETWEET_LENGTH) {
            return t;
        }
        String shown = text.substring(0, text.offsetByCodePoints(0, RETWEET_LENGTH - 1)) + "…";
        return new Tweet(t.id(), t.authorId(), shown, t.createdAt(), t.lang(), t.source(), t.conversationId(),
                t.inReplyToUserId(), t.referencedTweets(), t.mediaKeys(), t.pollId(), t.placeId(), t.metrics(),
                t.withheld());
    }

    /** The picture of a photo: the search corpus's own, else one of its motifs chosen by the photo's id. */
    private DemoPhoto picture(ExportPost.Photo photo) {
        return sim.photo("3_" + photo.id())
                .orElse(new DemoPhoto((int) Math.floorMod(photo.id(), SearchCorpus.MOTIFS), DemoPhoto.Variant.PLAIN));
    }

    private static int start(Map<String, Object> span) {
        return (Integer) span.get("start");
    }

    private static int end(Map<String, Object> span) {
        return (Integer) span.get("end");
    }
}
