package org.tweetflow.archive.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tweetflow.archive.ArchiveFormat;
import org.tweetflow.twitter.PostText;

/**
 * A post of the export (X's v1.1 shape, every number a string, the text HTML-escaped) in the archive's X API v2 shape,
 * marked {@code from_export}. Only what the export knows is filled in: it has no author object (the export's account
 * is the author), no reply or quote counts, and a retweet is only its {@code RT @user: …} text, without the original.
 */
final class PostConversion {


    /** Since 2019 {@code Fri Aug 09 23:11:41 +0000 2019}; the oldest exports {@code 2009-02-28 00:00:00 +0000}. */
    private static final List<DateTimeFormatter> POSTED_AT = List.of(
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT));
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ANCHOR_TEXT = Pattern.compile("<a\\b[^>]*>(.*?)</a>", Pattern.DOTALL);
    /** A post's own link, which X turns into a quote when it ends the text (not the {@code /i/web/} "read more"). */
    private static final Pattern STATUS_LINK = Pattern.compile(
            "https?://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/(?!i/)\\w+/status(?:es)?/(\\d+)/?(?:\\?.*)?");

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The post, or nothing when the item has no id or no readable date: then it is not a post. */
    Optional<ConvertedPost> convert(JsonNode item) {
        JsonNode v1 = item.has("tweet") && item.size() == 1 ? item.get("tweet") : item;
        String id = text(v1, "id_str", "id");
        Instant createdAt = postedAt(v1.path("created_at").asText());
        if (id == null || createdAt == null) {
            return Optional.empty();
        }
        String escaped = text(v1, "full_text", "text");
        PostText text = PostText.of(escaped == null ? "" : escaped);
        ObjectNode tweet = nodes.objectNode();
        tweet.put("id", id);
        tweet.put("text", text.posted());
        tweet.put("created_at", ISO_MILLIS.format(createdAt));
        putText(tweet, "lang", v1.path("lang"));
        if (v1.hasNonNull("source")) {
            tweet.put("source", anchorText(v1.get("source").asText()));
        }
        JsonNode media = v1.path("extended_entities").path("media").isEmpty()
                ? v1.path("entities").path("media") : v1.path("extended_entities").path("media");
        ObjectNode entities = entities(v1.path("entities"), media, text);
        if (!entities.isEmpty()) {
            tweet.set("entities", entities);
        }
        String repliedToUser = text(v1, "in_reply_to_user_id_str", "in_reply_to_user_id");
        if (repliedToUser != null) {
            tweet.put("in_reply_to_user_id", repliedToUser);
        }
        ArrayNode referenced = referencedTweets(v1, id, text.posted());
        if (!referenced.isEmpty()) {
            tweet.set("referenced_tweets", referenced);
        }
        ArrayNode mediaObjects = nodes.arrayNode();
        ArrayNode mediaKeys = nodes.arrayNode();
        for (JsonNode one : media) {
            ObjectNode object = mediaObject(one);
            mediaObjects.add(object);
            mediaKeys.add(object.get("media_key"));
        }
        if (!mediaKeys.isEmpty()) {
            tweet.set("attachments", nodes.objectNode().set("media_keys", mediaKeys));
        }
        if (v1.has("retweet_count") || v1.has("favorite_count")) {
            ObjectNode metrics = tweet.putObject("public_metrics");
            metrics.put("retweet_count", v1.path("retweet_count").asLong());
            metrics.put("like_count", v1.path("favorite_count").asLong());
        }
        tweet.set("edit_history_tweet_ids", editHistory(v1.path("edit_info"), id));
        if (v1.has("possibly_sensitive")) {
            tweet.put("possibly_sensitive", v1.get("possibly_sensitive").asBoolean());
        }
        tweet.put(ArchiveFormat.FROM_EXPORT, true);
        ObjectNode line = nodes.objectNode();
        line.set("tweet", tweet);
        if (!mediaObjects.isEmpty()) {
            line.set("media", mediaObjects);
        }
        JsonNode user = v1.path("user");
        ExportAccount author = text(user, "id_str", "id") == null ? null
                : new ExportAccount(text(user, "id_str", "id"), user.path("screen_name").asText(null),
                        user.path("name").asText(null));
        return Optional.of(new ConvertedPost(line, createdAt, author));
    }

    private ObjectNode entities(JsonNode v1, JsonNode media, PostText text) {
        ObjectNode entities = nodes.objectNode();
        ArrayNode hashtags = nodes.arrayNode();
        for (JsonNode hashtag : v1.path("hashtags")) {
            hashtags.add(placed(hashtag, text).put("tag", hashtag.path("text").asText()));
        }
        ArrayNode mentions = nodes.arrayNode();
        for (JsonNode mention : v1.path("user_mentions")) {
            ObjectNode placed = placed(mention, text).put("username", mention.path("screen_name").asText());
            String userId = text(mention, "id_str", "id");
            if (userId != null && !userId.equals("-1")) {
                placed.put("id", userId);
            }
            mentions.add(placed);
        }
        ArrayNode urls = nodes.arrayNode();
        for (JsonNode url : v1.path("urls")) {
            urls.add(url(url, text));
        }
        // v2 lists a post's media link once for each photo, with that photo's key
        for (JsonNode one : media) {
            urls.add(url(one, text).put("media_key", mediaKey(one)));
        }
        ArrayNode cashtags = nodes.arrayNode();
        for (JsonNode symbol : v1.path("symbols")) {
            cashtags.add(placed(symbol, text).put("tag", symbol.path("text").asText()));
        }
        putUnlessEmpty(entities, "hashtags", hashtags);
        putUnlessEmpty(entities, "mentions", mentions);
        putUnlessEmpty(entities, "urls", urls);
        putUnlessEmpty(entities, "cashtags", cashtags);
        return entities;
    }

    private ObjectNode url(JsonNode url, PostText text) {
        ObjectNode placed = placed(url, text).put("url", url.path("url").asText());
        putText(placed, "expanded_url", url.path("expanded_url"));
        putText(placed, "display_url", url.path("display_url"));
        return placed;
    }

    private ObjectNode placed(JsonNode entity, PostText text) {
        JsonNode indices = entity.path("indices");
        return nodes.objectNode().put("start", text.postedIndex(indices.path(0).asInt()))
                .put("end", text.postedIndex(indices.path(1).asInt()));
    }

    /**
     * A reply names the post it answers. A quote only shows as its link ending the text; the oldest exports still
     * carry a retweet's original, later ones only its {@code RT @user:} text, so those retweets name none.
     */
    private ArrayNode referencedTweets(JsonNode v1, String id, String posted) {
        ArrayNode referenced = nodes.arrayNode();
        String repliedTo = text(v1, "in_reply_to_status_id_str", "in_reply_to_status_id");
        if (repliedTo != null) {
            referenced.add(reference("replied_to", repliedTo));
        }
        String retweeted = text(v1.path("retweeted_status"), "id_str", "id");
        if (retweeted != null) {
            referenced.add(reference("retweeted", retweeted));
        } else if (!posted.startsWith("RT @")) {
            for (JsonNode url : v1.path("entities").path("urls")) {
                Matcher status = STATUS_LINK.matcher(url.path("expanded_url").asText());
                if (status.matches() && !status.group(1).equals(id) && posted.strip().endsWith(url.path("url").asText())) {
                    referenced.add(reference("quoted", status.group(1)));
                }
            }
        }
        return referenced;
    }

    private ObjectNode reference(String type, String id) {
        return nodes.objectNode().put("type", type).put("id", id);
    }

    private ObjectNode mediaObject(JsonNode v1) {
        String type = v1.path("type").asText("photo");
        ObjectNode media = nodes.objectNode().put("media_key", mediaKey(v1)).put("type", type);
        putText(media, type.equals("photo") ? "url" : "preview_image_url", v1.path("media_url_https"));
        JsonNode original = v1.path("original_info");
        if (original.has("width") && original.has("height")) {
            media.put("width", original.get("width").asInt()).put("height", original.get("height").asInt());
        }
        return media;
    }

    /** v2's media keys: the media id behind its kind's number. */
    private static String mediaKey(JsonNode v1) {
        String kind = switch (v1.path("type").asText("photo")) {
            case "video" -> "7_";
            case "animated_gif" -> "16_";
            default -> "3_";
        };
        return kind + text(v1, "id_str", "id");
    }

    private ArrayNode editHistory(JsonNode editInfo, String id) {
        JsonNode ids = editInfo.path("initial").path("editTweetIds");
        if (ids.isEmpty()) {
            ids = editInfo.path("edit").path("editControlInitial").path("editTweetIds");
        }
        ArrayNode history = nodes.arrayNode();
        ids.forEach(edit -> history.add(edit.asText()));
        if (history.isEmpty()) {
            history.add(id);
        }
        return history;
    }

    private static Instant postedAt(String value) {
        for (DateTimeFormatter format : POSTED_AT) {
            try {
                return ZonedDateTime.parse(value, format).toInstant();
            } catch (DateTimeParseException notThisOne) {
                // the other era's format
            }
        }
        return null;
    }

    private static String anchorText(String source) {
        Matcher anchor = ANCHOR_TEXT.matcher(source);
        return anchor.find() ? anchor.group(1) : source;
    }

    /** The first of the fields present, as text: the export writes ids as strings, the oldest exports as numbers. */
    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.hasNonNull(field) ? node.get(field) : node.get(fallback);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private static void putText(ObjectNode target, String field, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            target.put(field, value.asText());
        }
    }

    private static void putUnlessEmpty(ObjectNode target, String field, ArrayNode values) {
        if (!values.isEmpty()) {
            target.set(field, values);
        }
    }
}
