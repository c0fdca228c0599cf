package org.tweetflow.twitter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.tweetflow.ratelimit.RateLimitHeaders;

/** The one place that interprets X answers: status, rate-limit headers and body. */
@Component("xAnswers")
public class XAnswers {

    private final ObjectMapper mapper;
    private final Clock clock;

    public XAnswers(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Throws the {@link XApiException} an unsuccessful answer stands for; returns quietly on 2xx. */
    public void check(int status, Function<String, Object> headers, String body) {
        if (status >= 200 && status < 300) {
            return;
        }
        Optional<RateLimitHeaders> limits = RateLimitHeaders.from(headers);
        if (status == 429) {
            boolean usageCap = limits.map(l -> l.remaining() > 0).orElse(false)
                    || (body != null && body.contains("usage-capped"));
            Instant retryAt = limits.map(RateLimitHeaders::reset).orElse(clock.instant().plusSeconds(900));
            throw new XApiException.RateLimited(retryAt, usageCap,
                    (usageCap ? "X usage cap reached" : "X rate limit reached") + " until " + retryAt);
        }
        if (status == 401) {
            throw new XApiException.Unauthorized("X answered 401 Unauthorized");
        }
        if (status >= 500) {
            throw new XApiException.Transient("X answered " + status);
        }
        throw new XApiException.Rejected("X answered " + status + ": " + problemTitle(body));
    }

    /** Reads the connected user from {@code users/me}: X wraps it in {@code data}. */
    public XAccount account(String body) throws JsonProcessingException {
        JsonNode user = mapper.readTree(body).path("data");
        if (!user.hasNonNull("id")) {
            throw new XApiException.Rejected("X answered users/me without a user");
        }
        return new XAccount(user.path("id").asText(), user.path("username").asText(), user.path("name").asText(),
                user.hasNonNull("created_at") ? Instant.parse(user.path("created_at").asText()) : null);
    }

    /**
     * Reads a timeline or search page, its posts' text as posted ({@link PostText}); a body that is not a v2 page
     * fails with a clear reason.
     */
    public TimelinePage page(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new XApiException.Rejected("X sent a malformed answer (not JSON): " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("meta").isObject()) {
            throw new XApiException.Rejected("X sent a malformed answer: no meta object");
        }
        if (root.has("errors") && !root.has("data")) {
            throw new XApiException.Rejected("X answered with errors: " + root.path("errors").path(0).path("detail")
                    .asText(root.path("errors").path(0).path("message").asText()));
        }
        textAsPosted(root.path("data"));
        textAsPosted(root.path("includes").path("tweets"));
        JsonNode next = root.path("meta").path("next_token");
        return new TimelinePage(TimelinePage.items(root.path("data")), new Includes().add(root.path("includes")),
                next.isTextual() ? next.asText() : null);
    }

    private static void textAsPosted(JsonNode posts) {
        for (JsonNode post : posts) {
            if (post instanceof ObjectNode object) {
                PostText.asPosted(object);
            }
        }
    }

    /** X's own words: the first error's message (what an invalid request names), else the problem's title. */
    private String problemTitle(String body) {
        try {
            JsonNode problem = mapper.readTree(body == null ? "" : body);
            if (problem == null) {
                return "";
            }
            JsonNode first = problem.path("errors").path(0);
            return first.hasNonNull("message") ? first.path("message").asText()
                    : problem.path("title").asText(problem.path("error").asText(""));
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
