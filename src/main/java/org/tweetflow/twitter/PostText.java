package org.tweetflow.twitter;

import java.util.regex.Pattern;

/**
 * A post's text as its author posted it. X's v2 API escapes {@code &}, {@code <} and {@code >} in {@code text} as
 * HTML entities, and the data export's {@code full_text} does the same; the archive keeps the text as posted.
 */
public final class PostText {

    /** Only these three: X escapes nothing else, so a posted {@code &quot;} is the text the author wrote. */
    private static final Pattern ESCAPED = Pattern.compile("&(amp|lt|gt);");

    private PostText() {
    }

    /** Unescapes X's three entities once, in one pass: a posted {@code &amp;} (sent as {@code &amp;amp;}) stays. */
    public static String asPosted(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        return ESCAPED.matcher(text).replaceAll(entity -> switch (entity.group(1)) {
            case "amp" -> "&";
            case "lt" -> "<";
            default -> ">";
        });
    }
}
