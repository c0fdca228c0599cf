package org.tweetflow.sandbox.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recent-search query in X's language (docs.x.com "Build a query" and "Search Operators"): keywords, "exact
 * phrases", #hashtags, @mentions, $cashtags and operators, AND by a space, OR, a leading dash to negate, parentheses
 * to group; AND binds before OR. Parsed once per request; what X refuses is reported in its own words.
 */
final class SearchQuery {

    /** The operators the sandbox speaks; the conjunction-required ones cannot make a query on their own. */
    enum Operator {
        KEYWORD, PHRASE, HASHTAG, MENTION, CASHTAG, FROM, TO, URL, RETWEETS_OF, CONVERSATION_ID,
        IN_REPLY_TO_TWEET_ID, RETWEETS_OF_TWEET_ID, QUOTES_OF_TWEET_ID, PLACE, PLACE_COUNTRY,
        LANG(true), IS_RETWEET(true), IS_REPLY(true), IS_QUOTE(true), IS_VERIFIED(true), IS_NULLCAST(true),
        HAS_MEDIA(true), HAS_IMAGES(true), HAS_VIDEOS(true), HAS_LINKS(true), HAS_HASHTAGS(true),
        HAS_MENTIONS(true), HAS_GEO(true), HAS_CASHTAGS(true);

        final boolean conjunctionRequired;

        Operator() {
            this(false);
        }

        Operator(boolean conjunctionRequired) {
            this.conjunctionRequired = conjunctionRequired;
        }
    }

    /** {@code name:value} operators, aliases included. */
    private static final Map<String, Operator> VALUE_OPERATORS = Map.ofEntries(Map.entry("from", Operator.FROM),
            Map.entry("to", Operator.TO), Map.entry("url", Operator.URL), Map.entry("lang", Operator.LANG),
            Map.entry("retweets_of", Operator.RETWEETS_OF), Map.entry("conversation_id", Operator.CONVERSATION_ID),
            Map.entry("in_reply_to_tweet_id", Operator.IN_REPLY_TO_TWEET_ID),
            Map.entry("in_reply_to_status_id", Operator.IN_REPLY_TO_TWEET_ID),
            Map.entry("retweets_of_tweet_id", Operator.RETWEETS_OF_TWEET_ID),
            Map.entry("retweets_of_status_id", Operator.RETWEETS_OF_TWEET_ID),
            Map.entry("quotes_of_tweet_id", Operator.QUOTES_OF_TWEET_ID),
            Map.entry("quotes_of_status_id", Operator.QUOTES_OF_TWEET_ID), Map.entry("place", Operator.PLACE),
            Map.entry("place_country", Operator.PLACE_COUNTRY));
    /** {@code is:} and {@code has:} operators, aliases included. */
    private static final Map<String, Operator> FILTERS = Map.ofEntries(Map.entry("is:retweet", Operator.IS_RETWEET),
            Map.entry("is:reply", Operator.IS_REPLY), Map.entry("is:quote", Operator.IS_QUOTE),
            Map.entry("is:verified", Operator.IS_VERIFIED), Map.entry("is:nullcast", Operator.IS_NULLCAST),
            Map.entry("has:media", Operator.HAS_MEDIA), Map.entry("has:media_link", Operator.HAS_MEDIA),
            Map.entry("has:images", Operator.HAS_IMAGES), Map.entry("has:video_link", Operator.HAS_VIDEOS),
            Map.entry("has:videos", Operator.HAS_VIDEOS), Map.entry("has:links", Operator.HAS_LINKS),
            Map.entry("has:hashtags", Operator.HAS_HASHTAGS), Map.entry("has:mentions", Operator.HAS_MENTIONS),
            Map.entry("has:geo", Operator.HAS_GEO), Map.entry("has:cashtags", Operator.HAS_CASHTAGS));
    /** Operators X has that need data the sandbox does not keep (annotations, lists, coordinates). */
    static final List<String> NOT_SIMULATED = List.of("context", "entity", "list", "point_radius", "bounding_box",
            "geo_bounding_box");

    private static final Pattern OPERATOR = Pattern.compile("([A-Za-z_]+):(.*)", Pattern.DOTALL);

    /** A part of the query that matches posts or not. */
    sealed interface Node {
        boolean matches(PostFacts post);

        /** Whether this part narrows the search enough to stand alone (X: "standalone" operators). */
        boolean standalone();
    }

    record Term(Operator operator, String value, int position) implements Node {

        @Override
        public boolean matches(PostFacts post) {
            String v = value.toLowerCase(Locale.ROOT);
            return switch (operator) {
                case KEYWORD, PHRASE -> post.containsWords(value);
                case HASHTAG -> post.hashtags().contains(v);
                case MENTION -> post.mentions().contains(v);
                case CASHTAG -> post.cashtags().contains(v);
                case FROM -> v.equals(post.authorUsername()) || v.equals(post.authorId());
                case TO -> v.equals(post.replyToUsername()) || v.equals(post.replyToId());
                case URL -> post.hasUrl(value);
                case RETWEETS_OF -> v.equals(post.retweetedAuthorUsername()) || v.equals(post.retweetedAuthorId());
                case CONVERSATION_ID -> v.equals(Long.toString(post.conversationId()));
                case IN_REPLY_TO_TWEET_ID -> refersTo(post, "replied_to", v);
                case RETWEETS_OF_TWEET_ID -> refersTo(post, "retweeted", v);
                case QUOTES_OF_TWEET_ID -> refersTo(post, "quoted", v);
                case PLACE -> post.place().map(p -> p.id().equalsIgnoreCase(v)
                        || p.fullName().toLowerCase(Locale.ROOT).contains(v)).orElse(false);
                case PLACE_COUNTRY -> post.place().map(p -> p.countryCode().equalsIgnoreCase(v)).orElse(false);
                case LANG -> v.equals(post.lang());
                case IS_RETWEET -> post.is("retweeted");
                case IS_REPLY -> post.is("replied_to");
                case IS_QUOTE -> post.is("quoted");
                case IS_VERIFIED -> post.authorVerified();
                case IS_NULLCAST -> false;
                case HAS_MEDIA -> !post.mediaTypes().isEmpty();
                case HAS_IMAGES -> post.mediaTypes().contains("photo");
                case HAS_VIDEOS -> post.mediaTypes().contains("video");
                case HAS_LINKS -> !post.urls().isEmpty();
                case HAS_HASHTAGS -> !post.hashtags().isEmpty();
                case HAS_MENTIONS -> !post.mentions().isEmpty();
                case HAS_GEO -> post.place().isPresent();
                case HAS_CASHTAGS -> !post.cashtags().isEmpty();
            };
        }

        private static boolean refersTo(PostFacts post, String type, String id) {
            Long ref = post.references().get(type);
            return ref != null && id.equals(Long.toString(ref));
        }

        @Override
        public boolean standalone() {
            return !operator.conjunctionRequired;
        }
    }

    record Not(Node negated, int position) implements Node {

        @Override
        public boolean matches(PostFacts post) {
            return !negated.matches(post);
        }

        @Override
        public boolean standalone() {
            return false;
        }
    }

    record All(List<Node> parts) implements Node {

        @Override
        public boolean matches(PostFacts post) {
            return parts.stream().allMatch(p -> p.matches(post));
        }

        @Override
        public boolean standalone() {
            return parts.stream().anyMatch(Node::standalone);
        }
    }

    record Any(List<Node> alternatives) implements Node {

        @Override
        public boolean matches(PostFacts post) {
            return alternatives.stream().anyMatch(p -> p.matches(post));
        }

        @Override
        public boolean standalone() {
            return alternatives.stream().allMatch(Node::standalone);
        }
    }

    private final Node root;

    private SearchQuery(Node root) {
        this.root = root;
    }

    boolean matches(PostFacts post) {
        return root.matches(post);
    }

    /**
     * The query, or null after adding X's refusal to {@code problems}: one error on the {@code query} parameter whose
     * message lists every problem found, each with its position (1 for the first character).
     */
    static SearchQuery parse(String query, InvalidRequest problems) {
        List<String> messages = new ArrayList<>();
        Node root = null;
        try {
            Parser parser = new Parser(new Lexer(query).tokens(), messages);
            root = parser.query();
        } catch (SyntaxError e) {
            messages.add(e.getMessage());
        }
        if (messages.isEmpty()) {
            return new SearchQuery(root);
        }
        problems.add("query", query, "There were errors processing your request: " + String.join(", ", messages));
        return null;
    }

    // ------------------------------------------------------------------ reading the query

    private static final class SyntaxError extends RuntimeException {

        SyntaxError(String message, int position) {
            super(message + " (at position " + position + ")");
        }
    }

    private enum Kind {
        WORD, PHRASE, OR, OPEN, CLOSE, END
    }

    /** One piece of the query; {@code negated} when a dash stands right before it. */
    private record Token(Kind kind, String text, int position, boolean negated) {
    }

    private static final class Lexer {

        private final String query;
        private int i;

        Lexer(String query) {
            this.query = query;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < query.length() && Character.isWhitespace(query.charAt(i))) {
                    i++;
                }
                if (i == query.length()) {
                    out.add(new Token(Kind.END, "<EOF>", i + 1, false));
                    return out;
                }
                int start = i;
                boolean negated = query.charAt(i) == '-' && i + 1 < query.length()
                        && !Character.isWhitespace(query.charAt(i + 1));
                if (negated) {
                    i++;
                }
                char c = query.charAt(i);
                if (c == '(') {
                    i++;
                    out.add(new Token(Kind.OPEN, "(", start + 1, negated));
                } else if (c == ')') {
                    i++;
                    out.add(new Token(Kind.CLOSE, ")", start + 1, negated));
                } else if (c == '"') {
                    out.add(new Token(Kind.PHRASE, quoted(), start + 1, negated));
                } else {
                    String word = word();
                    boolean or = word.equals("OR") && !negated;
                    out.add(new Token(or ? Kind.OR : Kind.WORD, word, start + 1, negated));
                }
            }
        }

        /** A quoted phrase; X's lexer stops at a quote that is never closed. */
        private String quoted() {
            int open = i;
            int close = query.indexOf('"', open + 1);
            if (close < 0) {
                throw new SyntaxError("no viable alternative at character '\"'", open + 1);
            }
            i = close + 1;
            return query.substring(open + 1, close);
        }

        /** A word up to a space or parenthesis; an operator's value may be quoted: {@code url:"https://x.com"}. */
        private String word() {
            StringBuilder word = new StringBuilder();
            while (i < query.length()) {
                char c = query.charAt(i);
                if (Character.isWhitespace(c) || c == '(' || c == ')') {
                    break;
                }
                if (c == '"') {
                    if (word.length() == 0 || word.charAt(word.length() - 1) != ':') {
                        break;
                    }
                    word.append(quoted());
                    continue;
                }
                word.append(c);
                i++;
            }
            return word.toString();
        }
    }

    /** Recursive descent: query = and (OR and)*; and = unary+; unary = ['-'] (term | '(' query ')'). */
    private static final class Parser {

        private final List<Token> tokens;
        private final List<String> messages;
        private final List<Term> positives = new ArrayList<>();
        private final List<Integer> negations = new ArrayList<>();
        private int next;

        Parser(List<Token> tokens, List<String> messages) {
            this.tokens = tokens;
            this.messages = messages;
        }

        Node query() {
            Node root = or();
            Token rest = tokens.get(next);
            if (rest.kind() != Kind.END) {
                throw new SyntaxError("missing EOF at '" + rest.text() + "'", rest.position());
            }
            List<String> termProblems = new ArrayList<>(messages);
            messages.clear();
            if (!root.standalone()) {
                messages.addAll(standaloneProblems());
            }
            messages.addAll(termProblems);
            return root;
        }

        /**
         * X's answers to a query that cannot stand alone: a conjunction-required operator without a standalone one
         * beside it, or nothing but negations.
         */
        private List<String> standaloneProblems() {
            for (Term t : positives) {
                if (t.operator().conjunctionRequired) {
                    return List.of("is/has/lang cannot be used as a standalone operator (at position " + t.position()
                            + ")");
                }
            }
            int at = negations.isEmpty() ? 1 : negations.get(0);
            List<String> out = new ArrayList<>();
            out.add("Rules must contain a non-negation term (at position " + at + ")");
            if (positives.isEmpty()) {
                out.add("Rules must contain at least one positive, non-stopword clause (at position " + at + ")");
            }
            return out;
        }

        private Node or() {
            List<Node> alternatives = new ArrayList<>();
            alternatives.add(and());
            while (tokens.get(next).kind() == Kind.OR) {
                next++;
                alternatives.add(and());
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new Any(List.copyOf(alternatives));
        }

        private Node and() {
            List<Node> parts = new ArrayList<>();
            while (tokens.get(next).kind() != Kind.OR && tokens.get(next).kind() != Kind.CLOSE
                    && tokens.get(next).kind() != Kind.END) {
                parts.add(unary());
            }
            if (parts.isEmpty()) {
                Token t = tokens.get(next);
                throw new SyntaxError("no viable alternative at input '" + t.text() + "'", t.position());
            }
            return parts.size() == 1 ? parts.get(0) : new All(List.copyOf(parts));
        }

        private Node unary() {
            Token t = tokens.get(next++);
            Node node;
            if (t.kind() == Kind.OPEN) {
                node = or();
                if (tokens.get(next).kind() != Kind.CLOSE) {
                    throw new SyntaxError("Missing closing parenthesis", t.position());
                }
                next++;
            } else {
                node = term(t);
            }
            if (t.negated()) {
                negations.add(t.position());
                return new Not(node, t.position());
            }
            if (node instanceof Term term) {
                positives.add(term);
            }
            return node;
        }

        private Term term(Token t) {
            String text = t.text();
            if (t.kind() == Kind.PHRASE) {
                return new Term(Operator.PHRASE, text, t.position());
            }
            if (text.length() > 1 && (text.charAt(0) == '#' || text.charAt(0) == '@' || text.charAt(0) == '$')) {
                Operator op = text.charAt(0) == '#' ? Operator.HASHTAG
                        : text.charAt(0) == '@' ? Operator.MENTION : Operator.CASHTAG;
                return new Term(op, text.substring(1), t.position());
            }
            Matcher m = OPERATOR.matcher(text);
            if (m.matches()) {
                return operator(m.group(1).toLowerCase(Locale.ROOT), m.group(2), t);
            }
            if (text.equalsIgnoreCase("and")) {
                messages.add("Ambiguous use of and as a keyword. Use a space to logically join two clauses, or "
                        + "\"AND\" to treat as a keyword. (at position " + t.position() + ")");
            }
            return new Term(Operator.KEYWORD, text, t.position());
        }

        private Term operator(String name, String value, Token t) {
            if (name.equals("is") || name.equals("has")) {
                String filter = name + ":" + value.toLowerCase(Locale.ROOT);
                Operator op = FILTERS.get(filter);
                if (op == null) {
                    messages.add(invalidOperator(name + ":" + value, t.position()));
                    // counts as the filter it tries to be, so the standalone rule still speaks
                    return new Term(Operator.HAS_MEDIA, value, t.position());
                }
                return new Term(op, value, t.position());
            }
            Operator op = VALUE_OPERATORS.get(name);
            if (op != null && !value.isEmpty()) {
                return new Term(op, value.startsWith("@") ? value.substring(1) : value, t.position());
            }
            if (NOT_SIMULATED.contains(name)) {
                messages.add("Operator '" + name + ":' is one X offers that the tweetflow sandbox does not simulate"
                        + " (at position " + t.position() + ")");
            } else {
                messages.add(invalidOperator(name, t.position()));
            }
            return new Term(Operator.KEYWORD, value, t.position());
        }

        private static String invalidOperator(String name, int position) {
            return "Reference to invalid operator '" + name + "'. Operator is not available in current product or "
                    + "product packaging. (at position " + position + ")";
        }
    }
}
