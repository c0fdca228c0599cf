package org.tweetflow.collect.summary;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** How the summaries read a v2 post: one definition of "its hashtags", "its author", "its URLs" for all outputs. */
final class PostFields {

    private PostFields() {
    }

    /**
     * The author as the summaries key users: the username lowercased (X usernames are case-insensitive), or the
     * numeric author id when the page did not include the user; null for a post without author.
     */
    static String authorKey(JsonNode tweet, PageIncludes includes) {
        JsonNode id = tweet.get("author_id");
        if (id == null) {
            return null;
        }
        String username = includes.usernamesLowercased().get(id.asText());
        return username != null ? username : id.asText();
    }

    /** The post's hashtags, lowercased, each as often as it appears. */
    static void hashtags(JsonNode tweet, Consumer<String> sink) {
        for (JsonNode hashtag : tweet.path("entities").path("hashtags")) {
            JsonNode tag = hashtag.get("tag");
            if (tag != null) {
                sink.accept(lower(tag.asText()));
            }
        }
    }

    /** The usernames the post mentions, lowercased (a retweet's "RT @user:" is one of them, as X lists it). */
    static void mentions(JsonNode tweet, Consumer<String> sink) {
        for (JsonNode mention : tweet.path("entities").path("mentions")) {
            JsonNode username = mention.get("username");
            if (username != null) {
                sink.accept(lower(username.asText()));
            }
        }
    }

    /**
     * The links the post carries, expanded (t.co unwrapped as X gives it); the post's own media links (URL entities
     * with a media key) are left out: they are the photos and videos, counted in count-media.csv.
     */
    static void urls(JsonNode tweet, Consumer<String> sink) {
        for (JsonNode url : tweet.path("entities").path("urls")) {
            if (url.has("media_key")) {
                continue;
            }
            JsonNode expanded = url.hasNonNull("expanded_url") ? url.get("expanded_url") : url.get("url");
            if (expanded != null && !expanded.asText().isEmpty()) {
                sink.accept(expanded.asText());
            }
        }
    }

    /**
     * The host of a URL, lowercased, without a leading {@code www.}, user info or port; null when there is none.
     * Lenient on purpose: expanded URLs are not always valid URIs, and a domain is still wanted.
     */
    static String domain(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = url.length();
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String host = url.substring(start, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port >= 0 && host.indexOf(']') < port) {
            host = host.substring(0, port);
        }
        host = lower(host);
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.isEmpty() ? null : host;
    }

    /** The id of the post this one retweets, quotes or replies to ({@code retweeted}, {@code quoted}, {@code replied_to}). */
    static String referenced(JsonNode tweet, String type) {
        for (JsonNode reference : tweet.path("referenced_tweets")) {
            if (type.equals(reference.path("type").asText())) {
                return reference.path("id").asText(null);
            }
        }
        return null;
    }

    /** The post's created_at; null when missing or unreadable. */
    static Instant createdAt(JsonNode tweet) {
        JsonNode created = tweet.get("created_at");
        if (created == null) {
            return null;
        }
        String text = created.asText();
        try {
            return isXFormat(text) ? xFormat(text) : Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** X writes every time as {@code 2026-11-29T10:15:00.000Z}; read by position, it costs a tenth of a parse. */
    private static boolean isXFormat(String text) {
        return text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z';
    }

    private static Instant xFormat(String text) {
        LocalDateTime time = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 3) * 1_000_000);
        return time.toInstant(ZoneOffset.UTC);
    }

    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit in " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
