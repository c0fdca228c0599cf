package org.tweetflow.collect;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters a query may not hold, whatever X would say: control characters (NUL, which PostgreSQL refuses in text and
 * a page would show raw; line breaks, which X's one-line query and the log's one line per event do not take), half of
 * a character (a lone UTF-16 surrogate, from text cut or badly encoded), and the invisible bidirectional controls that
 * show text in another order than it is read (the "Trojan Source" trick).
 */
final class QueryCharacters {

    private QueryCharacters() {
    }

    /** Why the query cannot be stored as it is; empty when it can. */
    static Optional<String> problem(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            String what = null;
            if (c == '\0') {
                what = "a NUL character";
            } else if (c == '\r' || c == '\n') {
                what = "a line break";
            } else if (Character.getType(c) == Character.CONTROL) {
                what = "a control character";
            } else if (Character.isHighSurrogate(c) && i + 1 < query.length()
                    && Character.isLowSurrogate(query.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                what = "half of a character (a lone surrogate: text cut or badly encoded)";
            } else if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                what = "an invisible bidirectional control, which shows text in another order than X reads it";
            }
            if (what != null) {
                return Optional.of(String.format(Locale.ROOT, "the query holds %s (U+%04X) at position %d: write it"
                        + " on one line, in visible characters", what, (int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
