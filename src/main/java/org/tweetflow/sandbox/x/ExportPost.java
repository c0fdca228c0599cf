package org.tweetflow.sandbox.x;

import java.time.Instant;
import java.util.List;

/**
 * One post as X's data export holds it, before it is written in the export's v1.1 shape: the text as posted (the
 * writer escapes it) and its entities with offsets in code points of that text (the writer moves them onto the
 * escaped text). No author: the export's account wrote every post.
 *
 * @param source  the name of the client it was posted from ({@code Twitter for Android}); {@code sourceUrl} its link
 * @param reply   what it answers, or null
 * @param editIds the ids of every version of the post, oldest first, this one last
 */
public record ExportPost(long id, Instant createdAt, String text, String lang, String source, String sourceUrl,
        Reply reply, List<Hashtag> hashtags, List<Mention> mentions, List<Link> urls, List<Photo> photos,
        int favoriteCount, int retweetCount, List<Long> editIds) {

    public record Reply(long statusId, String userId, String screenName) {
    }

    public record Hashtag(int start, int end, String text) {
    }

    public record Mention(int start, int end, String screenName, String id, String name) {
    }

    public record Link(int start, int end, String url, String expandedUrl, String displayUrl) {
    }

    /**
     * A photo: its t.co link in the text, and the picture on X's media server ({@code mediaUrlHttps}), whose file
     * name the export's {@code data/tweets_media/<post id>-<name>} copy takes.
     */
    public record Photo(int start, int end, long id, String url, String expandedUrl, String displayUrl,
            String mediaUrlHttps, int width, int height) {

        /** The picture's file name on X's media server: the last segment of its address. */
        public String fileName() {
            return mediaUrlHttps.substring(mediaUrlHttps.lastIndexOf('/') + 1);
        }
    }
}
