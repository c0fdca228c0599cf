package org.tweetflow.sandbox.x;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns simulated objects into X API v2 JSON (as maps), honouring fields and expansions. */
final class XRenderer {

    private static final Pattern HASHTAG = Pattern.compile("#(\\w+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MENTION = Pattern.compile("@(\\w{1,15})");
    private static final Pattern URL = Pattern.compile("https://t\\.co/(\\w+)");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final XSimulator sim;
    /** Where the sandbox answers, for the addresses of the pictures it serves itself. */
    private final String publicUrl;
    private final Set<String> tweetFields;
    private final Set<String> userFields;
    private final Set<String> mediaFields;
    private final Set<String> placeFields;
    private final Set<String> pollFields;
    private final Set<String> expansions;

    XRenderer(XSimulator sim, Map<String, String> params, String publicUrl) {
        this.sim = sim;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.tweetFields = split(params.get("tweet.fields"));
        this.userFields = split(params.get("user.fields"));
        this.mediaFields = split(params.get("media.fields"));
        this.placeFields = split(params.get("place.fields"));
        this.pollFields = split(params.get("poll.fields"));
        this.expansions = split(params.get("expansions"));
    }

    static Set<String> split(String csv) {
        Set<String> out = new LinkedHashSet<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    Map<String, Object> user(XSimulator.Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("username", a.username());
        if (userFields.contains("created_at")) {
            m.put("created_at", time(a.createdAt()));
        }
        if (userFields.contains("description")) {
            m.put("description", a.description());
        }
        if (userFields.contains("location") && !a.location().isEmpty()) {
            m.put("location", a.location());
        }
        if (userFields.contains("profile_image_url")) {
            m.put("profile_image_url", a.profileImageUrl());
        }
        if (userFields.contains("protected")) {
            m.put("protected", a.isProtected());
        }
        if (userFields.contains("verified")) {
            m.put("verified", a.verified());
        }
        if (userFields.contains("url")) {
            m.put("url", "");
        }
        if (userFields.contains("public_metrics")) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("followers_count", a.followers());
            pm.put("following_count", a.following());
            pm.put("tweet_count", sim.tweetCount(a.id()));
            pm.put("listed_count", a.listed());
            m.put("public_metrics", pm);
        }
        return m;
    }

    Map<String, Object> tweet(Tweet t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.idString());
        m.put("text", XText.escaped(t.text()));
        m.put("edit_history_tweet_ids", sim.editHistory(t).stream().map(String::valueOf).toList());
        if (tweetFields.contains("author_id")) {
            m.put("author_id", t.authorId());
        }
        if (tweetFields.contains("created_at")) {
            m.put("created_at", time(t.createdAt()));
        }
        if (tweetFields.contains("conversation_id")) {
            m.put("conversation_id", Long.toString(t.conversationId()));
        }
        if (tweetFields.contains("in_reply_to_user_id") && t.inReplyToUserId() != null) {
            m.put("in_reply_to_user_id", t.inReplyToUserId());
        }
        if (tweetFields.contains("lang")) {
            m.put("lang", t.lang());
        }
        if (tweetFields.contains("source")) {
            m.put("source", t.source());
        }
        if (tweetFields.contains("possibly_sensitive")) {
            m.put("possibly_sensitive", false);
        }
        if (tweetFields.contains("reply_settings")) {
            m.put("reply_settings", "everyone");
        }
        if (tweetFields.contains("referenced_tweets") && !t.referencedTweets().isEmpty()) {
            List<Map<String, Object>> refs = new ArrayList<>();
            for (Tweet.Ref r : t.referencedTweets()) {
                refs.add(Map.of("type", r.type(), "id", Long.toString(r.id())));
            }
            m.put("referenced_tweets", refs);
        }
        if (tweetFields.contains("attachments") && (!t.mediaKeys().isEmpty() || t.pollId() != null)) {
            Map<String, Object> att = new LinkedHashMap<>();
            if (!t.mediaKeys().isEmpty()) {
                att.put("media_keys", t.mediaKeys());
            }
            if (t.pollId() != null) {
                att.put("poll_ids", List.of(t.pollId()));
            }
            m.put("attachments", att);
        }
        if (tweetFields.contains("geo") && t.placeId() != null) {
            m.put("geo", Map.of("place_id", t.placeId()));
        }
        if (tweetFields.contains("public_metrics")) {
            Tweet.Metrics pm = t.metrics();
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("retweet_count", pm.retweetCount());
            mm.put("reply_count", pm.replyCount());
            mm.put("like_count", pm.likeCount());
            mm.put("quote_count", pm.quoteCount());
            mm.put("bookmark_count", pm.bookmarkCount());
            mm.put("impression_count", pm.impressionCount());
            m.put("public_metrics", mm);
        }
        if (tweetFields.contains("edit_controls")) {
            m.put("edit_controls", Map.of("edits_remaining", 5, "is_edit_eligible", false, "editable_until",
                    time(t.createdAt().plusSeconds(3600))));
        }
        if (tweetFields.contains("entities")) {
            Map<String, Object> entities = entities(t);
            if (!entities.isEmpty()) {
                m.put("entities", onEscapedText(entities, t.text()));
            }
        }
        return m;
    }

    /** The entities' offsets moved onto the escaped text, where X's answers count them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> onEscapedText(Map<String, Object> entities, String text) {
        for (Object kind : entities.values()) {
            for (Map<String, Object> span : (List<Map<String, Object>>) kind) {
                span.put("start", XText.escapedIndex(text, (Integer) span.get("start")));
                span.put("end", XText.escapedIndex(text, (Integer) span.get("end")));
            }
        }
        return entities;
    }

    /** The post's entities, their offsets in code points of the text as posted (search and the export read them). */
    Map<String, Object> entities(Tweet t) {
        String text = t.text();
        Map<String, Object> e = new LinkedHashMap<>();
        List<Map<String, Object>> hashtags = new ArrayList<>();
        Matcher h = HASHTAG.matcher(text);
        while (h.find()) {
            hashtags.add(span(text, h, "tag", h.group(1)));
        }
        List<Map<String, Object>> mentions = new ArrayList<>();
        Matcher mm = MENTION.matcher(text);
        while (mm.find()) {
            Map<String, Object> s = span(text, mm, "username", mm.group(1));
            sim.accountByUsername(mm.group(1)).ifPresent(a -> s.put("id", a.id()));
            mentions.add(s);
        }
        List<Map<String, Object>> urls = new ArrayList<>();
        Matcher u = URL.matcher(text);
        int photo = 0;
        while (u.find()) {
            Map<String, Object> s = span(text, u, "url", u.group());
            String slug = u.group(1);
            if (slug.startsWith("p") && photo < t.mediaKeys().size()) {
                String key = t.mediaKeys().get(photo++);
                s.put("expanded_url", "https://x.com/" + username(t) + "/status/" + t.idString() + "/photo/1");
                s.put("display_url", "pic.x.com/" + slug);
                s.put("media_key", key);
            } else if (slug.startsWith("q") && !t.referencedTweets().isEmpty()) {
                long q = t.referencedTweets().get(0).id();
                String author = sim.tweet(q).flatMap(x -> sim.account(x.authorId())).map(XSimulator.Account::username)
                        .orElse("i");
                s.put("expanded_url", "https://twitter.com/" + author + "/status/" + q);
                s.put("display_url", "twitter.com/" + author + "/status/…");
            } else {
                XSimulator.Link link = sim.link(slug)
                        .orElse(new XSimulator.Link("https://example.org/notes/" + slug, "Notes " + slug));
                s.put("expanded_url", link.expandedUrl());
                s.put("display_url", link.expandedUrl().replaceFirst("^https?://", ""));
                if (link.title() != null) {
                    s.put("unwound_url", link.expandedUrl());
                    s.put("status", 200);
                    s.put("title", link.title());
                }
            }
            urls.add(s);
        }
        if (!urls.isEmpty()) {
            e.put("urls", urls);
        }
        if (!hashtags.isEmpty()) {
            e.put("hashtags", hashtags);
        }
        if (!mentions.isEmpty()) {
            e.put("mentions", mentions);
        }
        return e;
    }

    private String username(Tweet t) {
        return sim.account(t.authorId()).map(XSimulator.Account::username).orElse("i");
    }

    private static Map<String, Object> span(String text, Matcher m, String key, String value) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("start", text.codePointCount(0, m.start()));
        s.put("end", text.codePointCount(0, m.end()));
        s.put(key, value);
        return s;
    }

    Map<String, Object> media(XSimulator.Media md) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("media_key", md.mediaKey());
        m.put("type", md.type());
        if (mediaFields.contains("url")) {
            m.put("url", address(md.url()));
        }
        if (mediaFields.contains("width")) {
            m.put("width", md.width());
        }
        if (mediaFields.contains("height")) {
            m.put("height", md.height());
        }
        if (mediaFields.contains("alt_text") && md.altText() != null) {
            m.put("alt_text", md.altText());
        }
        if (mediaFields.contains("preview_image_url")) {
            m.put("preview_image_url", address(md.url()));
        }
        return m;
    }

    /** The pictures the sandbox serves are kept as paths: absolute under the address the service answers at. */
    String address(String url) {
        return url.startsWith("/") ? publicUrl + url : url;
    }

    Map<String, Object> place(XSimulator.Place p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("full_name", p.fullName());
        m.put("id", p.id());
        if (placeFields.contains("name")) {
            m.put("name", p.name());
        }
        if (placeFields.contains("country")) {
            m.put("country", p.country());
        }
        if (placeFields.contains("country_code")) {
            m.put("country_code", p.countryCode());
        }
        if (placeFields.contains("place_type")) {
            m.put("place_type", p.placeType());
        }
        return m;
    }

    Map<String, Object> poll(XSimulator.Poll p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < p.options().size(); i++) {
            options.add(Map.of("position", i + 1, "label", p.options().get(i), "votes", p.votes().get(i)));
        }
        m.put("options", options);
        if (pollFields.contains("duration_minutes")) {
            m.put("duration_minutes", p.durationMinutes());
        }
        if (pollFields.contains("end_datetime")) {
            m.put("end_datetime", time(p.end()));
        }
        if (pollFields.contains("voting_status")) {
            m.put("voting_status", p.end().isBefore(sim.clock().instant()) ? "closed" : "open");
        }
        return m;
    }

    /** The whole answer for a list of tweets: data, includes and meta. */
    Map<String, Object> page(List<Tweet> data, String nextToken, String previousToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!data.isEmpty()) {
            List<Map<String, Object>> rendered = new ArrayList<>();
            for (Tweet t : data) {
                rendered.add(tweet(t));
            }
            body.put("data", rendered);
            Map<String, Object> includes = includes(data);
            if (!includes.isEmpty()) {
                body.put("includes", includes);
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!data.isEmpty()) {
            meta.put("newest_id", data.get(0).idString());
            meta.put("oldest_id", data.get(data.size() - 1).idString());
        }
        meta.put("result_count", data.size());
        if (nextToken != null) {
            meta.put("next_token", nextToken);
        }
        if (previousToken != null) {
            meta.put("previous_token", previousToken);
        }
        body.put("meta", meta);
        return body;
    }

    private Map<String, Object> includes(List<Tweet> data) {
        Map<String, XSimulator.Account> users = new LinkedHashMap<>();
        Map<Long, Tweet> included = new LinkedHashMap<>();
        Map<String, XSimulator.Media> mediaOut = new LinkedHashMap<>();
        Map<String, XSimulator.Place> placesOut = new LinkedHashMap<>();
        Map<String, XSimulator.Poll> pollsOut = new LinkedHashMap<>();
        for (Tweet t : data) {
            if (expansions.contains("author_id")) {
                sim.account(t.authorId()).ifPresent(a -> users.putIfAbsent(a.id(), a));
            }
            if (expansions.contains("in_reply_to_user_id") && t.inReplyToUserId() != null) {
                sim.account(t.inReplyToUserId()).ifPresent(a -> users.putIfAbsent(a.id(), a));
            }
            if (expansions.contains("entities.mentions.username")) {
                Matcher mm = MENTION.matcher(t.text());
                while (mm.find()) {
                    sim.accountByUsername(mm.group(1)).ifPresent(a -> users.putIfAbsent(a.id(), a));
                }
            }
            for (Tweet.Ref r : t.referencedTweets()) {
                sim.tweet(r.id()).ifPresent(rt -> {
                    if (expansions.contains("referenced_tweets.id")) {
                        included.putIfAbsent(rt.id(), rt);
                    }
                    if (expansions.contains("referenced_tweets.id.author_id")) {
                        sim.account(rt.authorId()).ifPresent(a -> users.putIfAbsent(a.id(), a));
                    }
                    if (expansions.contains("referenced_tweets.id.attachments.media_keys")) {
                        for (String k : rt.mediaKeys()) {
                            sim.media(k).ifPresent(md -> mediaOut.putIfAbsent(k, md));
                        }
                    }
                });
            }
            if (expansions.contains("edit_history_tweet_ids")) {
                for (long version : sim.editHistory(t)) {
                    if (version != t.id()) {
                        sim.tweet(version).ifPresent(earlier -> included.putIfAbsent(earlier.id(), earlier));
                    }
                }
            }
            if (expansions.contains("attachments.media_keys")) {
                for (String k : t.mediaKeys()) {
                    sim.media(k).ifPresent(md -> mediaOut.putIfAbsent(k, md));
                }
            }
            if (expansions.contains("attachments.poll_ids") && t.pollId() != null) {
                sim.poll(t.pollId()).ifPresent(p -> pollsOut.putIfAbsent(p.id(), p));
            }
            if (expansions.contains("geo.place_id") && t.placeId() != null) {
                sim.place(t.placeId()).ifPresent(p -> placesOut.putIfAbsent(p.id(), p));
            }
        }
        Map<String, Object> includes = new LinkedHashMap<>();
        if (!mediaOut.isEmpty()) {
            includes.put("media", mediaOut.values().stream().map(this::media).toList());
        }
        if (!users.isEmpty()) {
            includes.put("users", users.values().stream().map(this::user).toList());
        }
        if (!included.isEmpty()) {
            includes.put("tweets", included.values().stream().map(this::tweet).toList());
        }
        if (!placesOut.isEmpty()) {
            includes.put("places", placesOut.values().stream().map(this::place).toList());
        }
        if (!pollsOut.isEmpty()) {
            includes.put("polls", pollsOut.values().stream().map(this::poll).toList());
        }
        return includes;
    }
}
