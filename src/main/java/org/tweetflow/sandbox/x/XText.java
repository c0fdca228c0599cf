package org.tweetflow.sandbox.x;

/**
 * X's HTML escaping of a post's text: {@code &}, {@code <} and {@code >} become {@code &amp;}, {@code &lt;} and
 * {@code &gt;} in the v2 API's {@code text} and the export's {@code full_text}, and the entities' offsets count code
 * points of the escaped text (twarc's recorded answers: every entity after an {@code &amp;} is shifted by four).
 */
final class XText {

    private XText() {
    }

    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Where the code point at {@code codePoint} of the text as posted lies in its escaped text. */
    static int escapedIndex(String text, int codePoint) {
        int shift = 0;
        int offset = 0;
        for (int n = 0; n < codePoint && offset < text.length(); n++) {
            int c = text.codePointAt(offset);
            shift += c == '&' ? 4 : (c == '<' || c == '>') ? 3 : 0;
            offset += Character.charCount(c);
        }
        return codePoint + shift;
    }

    /** The length of the escaped text in code points, the end of X's {@code display_text_range}. */
    static int escapedLength(String text) {
        return escapedIndex(text, text.codePointCount(0, text.length()));
    }
}
