package org.tweetflow.twitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What X's recent search refuses in a query, checked before a collection is stored, so a researcher learns it at once
 * and not when the collection runs: unbalanced quotes or parentheses, a dangling OR, an operator X's v2 search does
 * not document (such as v1.1's {@code filter:}), and a query without a positive standalone term (only negations, or
 * only operators X accepts only beside one, such as {@code has:images} or {@code lang:en}). An unknown operator is
 * refused in X's own words, with its position (1 for the first character), as X answers it.
 */
public final class SearchQuerySyntax {

    /** Operators X documents for v2 search (docs.x.com "Search Operators"), aliases included, that take a value. */
    private static final Set<String> VALUE_OPERATORS = Set.of("from", "to", "url", "retweets_of",
            "in_reply_to_tweet_id", "in_reply_to_status_id", "retweets_of_tweet_id", "retweets_of_status_id",
            "quotes_of_tweet_id", "quotes_of_status_id", "context", "entity", "conversation_id", "list", "place",
            "place_country", "point_radius", "bounding_box", "geo_bounding_box", "lang");
    /** The documented {@code is:} and {@code has:} operators, aliases included. */
    private static final Set<String> FILTERS = Set.of("is:retweet", "is:reply", "is:quote", "is:verified",
            "is:nullcast", "has:hashtags", "has:cashtags", "has:links", "has:mentions", "has:media", "has:media_link",
            "has:images", "has:video_link", "has:videos", "has:geo");
    /** X's lexer reads {@code name:} as an operator whenever the name is made of letters and underscores. */
    private static final Pattern OPERATOR = Pattern.compile("([A-Za-z_]+):(.*)", Pattern.DOTALL);

    /** A piece of the query and where it starts (1 for the first character), as X counts positions. */
    private record Token(String text, int position) {

        boolean is(String s) {
            return text.equals(s);
        }
    }

    private SearchQuerySyntax() {
    }

    /** Why X would refuse the query; empty when it would not. */
    public static Optional<String> problem(String query) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        StringBuilder term = new StringBuilder();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c != '"' && !quoted && (c == '(' || c == ')' || Character.isWhitespace(c))) {
                flush(term, start, tokens);
                if (c == '(') {
                    depth++;
                    tokens.add(new Token("(", i + 1));
                } else if (c == ')') {
                    if (--depth < 0) {
                        return Optional.of("a closing parenthesis has no opening one");
                    }
                    tokens.add(new Token(")", i + 1));
                }
            } else {
                if (term.isEmpty()) {
                    start = i + 1;
                }
                term.append(c);
            }
        }
        flush(term, start, tokens);
        if (quoted) {
            return Optional.of("a quotation mark is not closed");
        }
        if (depth > 0) {
            return Optional.of("a parenthesis is not closed");
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("OR") && (i == 0 || i == tokens.size() - 1 || tokens.get(i - 1).is("(")
                    || tokens.get(i + 1).is(")") || tokens.get(i + 1).is("OR"))) {
                return Optional.of("OR needs a term on each side");
            }
        }
        for (Token token : tokens) {
            Optional<String> unknown = unknownOperator(token);
            if (unknown.isPresent()) {
                return unknown;
            }
        }
        if (tokens.stream().noneMatch(SearchQuerySyntax::standalone)) {
            return Optional.of("X needs at least one term that is neither negated nor an operator such as has:, is: "
                    + "or lang:, which X takes only beside one");
        }
        return Optional.empty();
    }

    /** X's answer to an operator its v2 search does not have, or to a value operator without its value. */
    private static Optional<String> unknownOperator(Token token) {
        String text = token.text().startsWith("-") ? token.text().substring(1) : token.text();
        Matcher operator = OPERATOR.matcher(text);
        if (!operator.matches()) {
            return Optional.empty();
        }
        String name = operator.group(1).toLowerCase(Locale.ROOT);
        String value = operator.group(2);
        if (name.equals("is") || name.equals("has")) {
            return FILTERS.contains(name + ":" + value.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of(invalidOperator(name + ":" + value, token.position()));
        }
        return VALUE_OPERATORS.contains(name) && !value.isEmpty() ? Optional.empty()
                : Optional.of(invalidOperator(name, token.position()));
    }

    private static String invalidOperator(String name, int position) {
        return "Reference to invalid operator '" + name + "'. Operator is not available in current product or "
                + "product packaging. (at position " + position + ")";
    }

    /** Whether the token can make a query on its own: not negated, and not an is:, has: or lang: operator. */
    private static boolean standalone(Token token) {
        String text = token.text();
        if (text.equals("(") || text.equals(")") || text.equals("OR") || text.startsWith("-")) {
            return false;
        }
        Matcher operator = OPERATOR.matcher(text);
        if (!operator.matches()) {
            return true;
        }
        String name = operator.group(1).toLowerCase(Locale.ROOT);
        return !(name.equals("is") || name.equals("has") || name.equals("lang"));
    }

    private static void flush(StringBuilder term, int start, List<Token> tokens) {
        if (!term.isEmpty()) {
            tokens.add(new Token(term.toString(), start));
            term.setLength(0);
        }
    }
}
