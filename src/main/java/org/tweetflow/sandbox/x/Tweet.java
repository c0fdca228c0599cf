package org.tweetflow.sandbox.x;

import java.time.Instant;
import java.util.List;

/** One simulated post. Entities are derived from the text when rendered. */
public record Tweet(long id, String authorId, String text, Instant createdAt, String lang, String source,
        long conversationId, String inReplyToUserId, List<Ref> referencedTweets, List<String> mediaKeys,
        String pollId, String placeId, Metrics metrics, boolean withheld) {

    public String idString() {
        return Long.toString(id);
    }

    /** A referenced tweet: type is replied_to, quoted or retweeted. */
    public record Ref(String type, long id) {
    }

    public record Metrics(int retweetCount, int replyCount, int likeCount, int quoteCount, int bookmarkCount,
            int impressionCount) {
    }
}
