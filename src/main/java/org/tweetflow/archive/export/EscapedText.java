package org.tweetflow.archive.export;

/**
 * A post's text as X hands it out, HTML-escaped ({@code &amp;}, {@code &lt;}, {@code &gt;} and nothing else), turned
 * back into the text as posted. X's entity indices count the code points of the escaped text (so in a real export
 * and in recorded v2 answers), so each index is moved onto the text as posted along with it.
 */
final class EscapedText {

    private static final String[][] ESCAPES = {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}};

    private final String posted;
    /** For each code point index of the escaped text, and its end: the same place in the text as posted. */
    private final int[] postedIndex;

    private EscapedText(String posted, int[] postedIndex) {
        this.posted = posted;
        this.postedIndex = postedIndex;
    }

    /** One pass, left to right: {@code &amp;amp;} is what the member typed as {@code &amp;}, so it stays that. */
    static EscapedText of(String escaped) {
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
        return new EscapedText(posted.toString(), index);
    }

    String posted() {
        return posted;
    }

    /** Where an index into the escaped text falls in the text as posted (one past its end stays past its end). */
    int postedIndex(int escapedIndex) {
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
