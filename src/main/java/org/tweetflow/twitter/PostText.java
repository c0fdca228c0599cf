package org.tweetflow.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A post's text as X hands it out, HTML-escaped ({@code &amp;}, {@code &lt;}, {@code &gt;} and nothing else: the v2
 * API's {@code text} and the data export's {@code full_text} alike), turned back into the text as posted, which is
 * what the archive keeps. X's entity indices count the code points of the escaped text (so in a real export and in
 * recorded v2 answers), so each index moves onto the text as posted along with it.
 */
public final class PostText {

    private static final String[][] ESCAPES = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}};
    /** The v2 entity kinds whose items carry {@code start} and {@code end}. */
    private static final String[] ENTITIES = {"hashtags", "mentions", "urls", "cashtags", "annotations"};

    private final String posted;
    /** For each code point index of the escaped text, and its end: the same place in the text as posted. */
    private final int[] postedIndex;

    private PostText(String posted, int[] postedIndex) {
        this.posted = posted;
        this.postedIndex = postedIndex;
    }

    /** One pass, left to right: {@code &amp;amp;} is what the member typed as {@code &amp;}, so it stays that. */
    public static PostText of(String escaped) {
        int[] index = new int[escaped.codePointCount(0, escaped.length()) + 1];
        StringBuilder posted = new StringBuilder(escaped.length());
        int at = 0;
        int escapedPoint = 0;
        int postedPoint = 0;
        while (at < escaped.length()) {
            String[] escape = escapeAt(escaped, at);
            if (escape != null) {
                for (int i = 0; i < escape[0].length(); i++) {
                    index[escapedPoint++] = postedPoint;
                }
                posted.append(escape[1]);
                at += escape[0].length();
            } else {
                int codePoint = escaped.codePointAt(at);
                index[escapedPoint++] = postedPoint;
                posted.appendCodePoint(codePoint);
                at += Character.charCount(codePoint);
            }
            postedPoint++;
        }
        index[escapedPoint] = postedPoint;
        return new PostText(posted.toString(), index);
    }

    /**
     * A v2 post as X returned it, its {@code text} turned into the text as posted and its entities' {@code start} and
     * {@code end} moved along.
     */
    public static void asPosted(ObjectNode post) {
        String text = post.path("text").asText(null);
        if (text == null || text.indexOf('&') < 0) {
            return;
        }
        PostText posted = of(text);
        post.put("text", posted.posted());
        for (String kind : ENTITIES) {
            for (JsonNode entity : post.path("entities").path(kind)) {
                if (entity instanceof ObjectNode moved && entity.path("start").isInt() && entity.path("end").isInt()) {
                    moved.put("start", posted.postedIndex(entity.path("start").asInt()));
                    moved.put("end", posted.postedIndex(entity.path("end").asInt()));
                }
            }
        }
    }

    public String posted() {
        return posted;
    }

    /** Where an index into the escaped text falls in the text as posted (one past its end stays past its end). */
    public int postedIndex(int escapedIndex) {
        return postedIndex[Math.max(0, Math.min(escapedIndex, postedIndex.length - 1))];
    }

    private static String[] escapeAt(String text, int at) {
        if (text.charAt(at) == '&') {
            for (String[] escape : ESCAPES) {
                if (text.startsWith(escape[0], at)) {
                    return escape;
                }
            }
        }
        return null;
    }
}
