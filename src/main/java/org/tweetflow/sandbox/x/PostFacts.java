package org.tweetflow.sandbox.x;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What search operators look at in one post: its text as tokens, the entities X renders for it, its author, what it
 * refers to, its media and place. Built from the same entities the API renders, so a post is found by what it shows.
 */
record PostFacts(String text, List<String> tokens, Set<String> hashtags, Set<String> mentions, Set<String> cashtags,
        List<String> urls, String authorId, String authorUsername, boolean authorVerified, String replyToId,
        String replyToUsername, String lang, Map<String, Long> references, String retweetedAuthorId,
        String retweetedAuthorUsername, long conversationId, Set<String> mediaTypes, Optional<XSimulator.Place> place) {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CASHTAG = Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");

    @SuppressWarnings("unchecked")
    static PostFacts of(XSimulator sim, XRenderer renderer, Tweet t) {
        Map<String, Object> entities = renderer.entities(t);
        Set<String> hashtags = values(entities, "hashtags", "tag");
        Set<String> mentions = values(entities, "mentions", "username");
        List<String> urls = new ArrayList<>();
        for (Map<String, Object> u : (List<Map<String, Object>>) entities.getOrDefault("urls", List.of())) {
            urls.add(((String) u.get("url")).toLowerCase(Locale.ROOT));
            urls.add(((String) u.get("expanded_url")).toLowerCase(Locale.ROOT));
        }
        Set<String> cashtags = CASHTAG.matcher(t.text()).results().map(m -> m.group(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Optional<XSimulator.Account> author = sim.account(t.authorId());
        Optional<XSimulator.Account> replyTo = Optional.ofNullable(t.inReplyToUserId()).flatMap(sim::account);
        Map<String, Long> references = t.referencedTweets().stream()
                .collect(Collectors.toMap(Tweet.Ref::type, Tweet.Ref::id, (a, b) -> a));
        Optional<XSimulator.Account> retweeted = Optional.ofNullable(references.get("retweeted")).flatMap(sim::tweet)
                .flatMap(original -> sim.account(original.authorId()));
        Set<String> mediaTypes = t.mediaKeys().stream().flatMap(k -> sim.media(k).stream())
                .map(XSimulator.Media::type).collect(Collectors.toSet());
        String text = normalised(t.text());
        return new PostFacts(text, tokens(text), hashtags, mentions, cashtags, urls, t.authorId(),
                author.map(a -> a.username().toLowerCase(Locale.ROOT)).orElse(""),
                author.map(XSimulator.Account::verified).orElse(false), t.inReplyToUserId(),
                replyTo.map(a -> a.username().toLowerCase(Locale.ROOT)).orElse(null), t.lang(), references,
                retweeted.map(XSimulator.Account::id).orElse(null),
                retweeted.map(a -> a.username().toLowerCase(Locale.ROOT)).orElse(null), t.conversationId(),
                mediaTypes, Optional.ofNullable(t.placeId()).flatMap(sim::place));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> values(Map<String, Object> entities, String kind, String key) {
        return ((List<Map<String, Object>>) entities.getOrDefault(kind, List.of())).stream()
                .map(e -> ((String) e.get(key)).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Search ignores case and diacritics: "Diacrítica" finds "diacritica". */
    static String normalised(String s) {
        return MARKS.matcher(Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** Words split at punctuation, symbols and spaces, as X tokenizes a post for keyword matching. */
    static List<String> tokens(String normalised) {
        return Arrays.stream(SEPARATORS.split(normalised)).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A keyword or phrase: its tokens one after another in the post's. Japanese and Chinese are written without
     * spaces, so there a keyword is found anywhere in the text.
     */
    boolean containsWords(String value) {
        String v = normalised(value);
        if (v.codePoints().anyMatch(PostFacts::isCjk)) {
            return text.contains(v);
        }
        return containsSequence(tokens, tokens(v));
    }

    /** {@code url:}: a tokenized match on the short or the expanded address. */
    boolean hasUrl(String value) {
        List<String> wanted = tokens(normalised(value));
        return urls.stream().anyMatch(u -> containsSequence(tokens(u), wanted));
    }

    boolean is(String referenceType) {
        return references.containsKey(referenceType);
    }

    private static boolean containsSequence(List<String> tokens, List<String> wanted) {
        if (wanted.isEmpty()) {
            return false;
        }
        for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + wanted.size()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
