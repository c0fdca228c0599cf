package org.tweetflow.twitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What X's recent search refuses in a query's structure, checked before a collection is stored, so a researcher
 * learns it at once and not when the collection runs: unbalanced quotes or parentheses, a dangling OR, and a query
 * without a positive standalone term (only negations, or only operators X accepts only beside one, such as
 * {@code has:images} or {@code lang:en}). Which operators exist is X's to say: an unknown one is refused by X at the
 * first call, and the collection then fails with X's words.
 */
public final class SearchQuerySyntax {

    /** Operators X accepts only together with a standalone term (X's "conjunction-required" operators). */
    private static final Set<String> CONJUNCTION_REQUIRED = Set.of("is", "has", "lang", "place_country",
            "sample", "point_radius", "bounding_box");

    private SearchQuerySyntax() {
    }

    /** Why X would refuse the query's structure; empty when it would not. */
    public static Optional<String> problem(String query) {
        List<String> tokens = new ArrayList<>();
        int depth = 0;
        StringBuilder term = new StringBuilder();
        boolean quoted = false;
        for (char c : query.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                term.append(c);
            } else if (!quoted && (c == '(' || c == ')' || Character.isWhitespace(c))) {
                flush(term, tokens);
                if (c == '(') {
                    depth++;
                    tokens.add("(");
                } else if (c == ')') {
                    if (--depth < 0) {
                        return Optional.of("a closing parenthesis has no opening one");
                    }
                    tokens.add(")");
                }
            } else {
                term.append(c);
            }
        }
        flush(term, tokens);
        if (quoted) {
            return Optional.of("a quotation mark is not closed");
        }
        if (depth > 0) {
            return Optional.of("a parenthesis is not closed");
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).equals("OR") && (i == 0 || i == tokens.size() - 1 || tokens.get(i - 1).equals("(")
                    || tokens.get(i + 1).equals(")") || tokens.get(i + 1).equals("OR"))) {
                return Optional.of("OR needs a term on each side");
            }
        }
        if (tokens.stream().noneMatch(SearchQuerySyntax::standalone)) {
            return Optional.of("X needs at least one term that is neither negated nor an operator such as has:, is: "
                    + "or lang:, which X takes only beside one");
        }
        return Optional.empty();
    }

    private static boolean standalone(String token) {
        if (token.equals("(") || token.equals(")") || token.equals("OR") || token.startsWith("-")) {
            return false;
        }
        int colon = token.indexOf(':');
        return colon <= 0 || token.startsWith("\"")
                || !CONJUNCTION_REQUIRED.contains(token.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    private static void flush(StringBuilder term, List<String> tokens) {
        if (!term.isEmpty()) {
            tokens.add(term.toString());
            term.setLength(0);
        }
    }
}
