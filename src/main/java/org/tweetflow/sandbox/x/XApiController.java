package org.tweetflow.sandbox.x;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tweetflow.config.TweetflowProperties;
import org.tweetflow.sandbox.SandboxClients;

/**
 * The simulated X API v2 read endpoints: users/me, users/:id/tweets and tweets/search/recent, for users' tokens and
 * (but for users/me) the app's bearer token.
 */
@RestController
@RequestMapping(SandboxClients.X_PATH + "/2")
class XApiController {

    static final String TIMELINE = "users/tweets";
    static final String SEARCH = "search/recent";
    static final String ME = "users/me";
    static final int MAX_QUERY_LENGTH = 512;
    /**
     * The endpoints that refuse the app's bearer token: users/me names the authenticating user, whom an app-only token
     * has not. Recent search and the timeline take it, each in windows of the app's (docs.x.com, "X API Rate Limits":
     * per app 450 and 10,000 a window; developer.x.com, "Timelines: integrate": OAuth 2.0 Bearer Token or user
     * context). X's refusal as it sends it: reported in myConsciousness/twitter-api-v2#44 and
     * xdevplatform/bookmarks-search#10.
     */
    static final Set<String> USER_CONTEXT_ONLY = Set.of(ME);

    private final XSimulator sim;
    private final TweetflowProperties properties;
    /** What search looks at in each post, worked out once: posts never change (an edit is a new post). */
    private final Map<Long, PostFacts> facts = new ConcurrentHashMap<>();

    XApiController(XSimulator sim, TweetflowProperties properties) {
        this.sim = sim;
        this.properties = properties;
    }

    @GetMapping(path = "/users/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> me(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam MultiValueMap<String, String> query) {
        return serve(ME, auth, grant -> {
            InvalidRequest problems = new InvalidRequest();
            XParameters.ME.check(query, problems);
            if (!problems.isEmpty()) {
                return problems.answer();
            }
            XSimulator.Account a = sim.account(grant.userId()).orElseThrow();
            return ResponseEntity.ok(Map.of("data", renderer(query.toSingleValueMap()).user(a)));
        });
    }

    @GetMapping(path = "/users/{id}/tweets", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> timeline(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String id, @RequestParam MultiValueMap<String, String> query) {
        return serve(TIMELINE, auth, grant -> {
            InvalidRequest problems = new InvalidRequest();
            XParameters.TIMELINE.check(query, problems);
            Map<String, String> params = query.toSingleValueMap();
            int max = maxResults(params, 5, 100, problems);
            XTimeWindow window = XTimeWindow.read(params, XTimeWindow.TIMELINE_FLOOR, sim.clock().instant(),
                    problems);
            Long sinceId = snowflake(params, "since_id", problems);
            Long untilId = snowflake(params, "until_id", problems);
            String rawToken = params.get("pagination_token");
            Long before = rawToken != null && rawToken.startsWith(PREVIOUS) ? token(params, "pagination_token",
                    problems) : null;
            Long after = before == null ? token(params, "pagination_token", problems) : null;
            if (!problems.isEmpty()) {
                return problems.answer();
            }
            if (sim.account(id).isEmpty()) {
                return ResponseEntity.ok(notFound(id));
            }
            Exclusions exclude = Exclusions.of(params.get("exclude"));
            XTimeWindow bounds = window.givingWayTo(sinceId, untilId);
            List<Tweet> candidates = new ArrayList<>();
            for (Tweet t : sim.reachable(id, exclude.reachable())) {
                if (exclude.excludes(t) || bounds.excludes(t.createdAt()) || (sinceId != null && t.id() <= sinceId)
                        || (untilId != null && t.id() >= untilId) || (after != null && t.id() >= after)) {
                    continue;
                }
                candidates.add(t);
            }
            int from = 0;
            if (before != null) {
                int newer = (int) candidates.stream().filter(t -> t.id() > before).count();
                from = Math.max(0, newer - max);
            }
            return ResponseEntity.ok(page(candidates, from, max, after != null || from > 0, params));
        });
    }

    @GetMapping(path = "/tweets/search/recent", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> search(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam MultiValueMap<String, String> query) {
        return serve(SEARCH, auth, grant -> {
            InvalidRequest problems = new InvalidRequest();
            XParameters.SEARCH.check(query, problems);
            Map<String, String> params = query.toSingleValueMap();
            String text = params.get("query");
            checkSearchQuery(text, problems);
            int max = maxResults(params, 10, 100, problems);
            Instant now = sim.clock().instant();
            Instant weekAgo = now.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
            XTimeWindow window = XTimeWindow.read(params, weekAgo, now, problems);
            Long sinceId = snowflake(params, "since_id", problems);
            Long untilId = snowflake(params, "until_id", problems);
            checkIdsWithoutTimes(params, problems);
            // recent search reaches 7 days back, and refuses a since_id from before them
            if (sinceId != null && XSimulator.createdAt(sinceId).isBefore(weekAgo)) {
                problems.add("since_id", params.get("since_id"), "'since_id' must be a tweet id created after "
                        + weekAgo + ".");
            }
            Long after = token(params, params.containsKey("next_token") ? "next_token" : "pagination_token",
                    problems);
            SearchQuery q = text == null || text.isBlank() || text.length() > MAX_QUERY_LENGTH ? null
                    : SearchQuery.parse(text, problems);
            if (!problems.isEmpty()) {
                return problems.answer();
            }
            XRenderer entities = renderer(Map.of());
            List<Tweet> candidates = new ArrayList<>();
            for (Tweet t : sim.recentTweets(window.start() != null ? window.start() : weekAgo)) {
                if (window.excludes(t.createdAt()) || t.createdAt().isAfter(now)
                        || (sinceId != null && t.id() <= sinceId) || (untilId != null && t.id() >= untilId)
                        || (after != null && t.id() >= after)) {
                    continue;
                }
                if (q.matches(facts.computeIfAbsent(t.id(), id -> PostFacts.of(sim, entities, t)))) {
                    candidates.add(t);
                }
            }
            return ResponseEntity.ok(page(candidates, 0, max, false, params));
        });
    }

    /** Recent search takes a query of 1 to 512 characters (the Basic and Pro limit). */
    private static void checkSearchQuery(String text, InvalidRequest problems) {
        if (text == null || text.isBlank()) {
            problems.add("query", text == null ? "" : text, "The `query` query parameter can not be empty");
        } else if (text.length() > MAX_QUERY_LENGTH) {
            problems.add("query", text,
                    "There were errors processing your request: Query is too long (max 512 characters)");
        }
    }

    /** Recent search bounds a request by ids or by times, never both. */
    private static void checkIdsWithoutTimes(Map<String, String> params, InvalidRequest problems) {
        Map<String, List<String>> ids = present(params, "since_id", "until_id");
        Map<String, List<String>> times = present(params, "start_time", "end_time");
        if (!ids.isEmpty() && !times.isEmpty()) {
            Map<String, List<String>> both = new LinkedHashMap<>(ids);
            both.putAll(times);
            problems.add(both, "Invalid use of 'since_id' or 'until_id' in conjunction with 'start_time' or "
                    + "'end_time'.");
        }
    }

    private static Map<String, List<String>> present(Map<String, String> params, String... names) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : names) {
            if (params.containsKey(name)) {
                out.put(name, List.of(params.get(name)));
            }
        }
        return out;
    }

    /**
     * The timeline's {@code exclude}: replies and/or retweets left out. With replies excluded X only looks at the
     * 800 newest posts instead of 3,200.
     */
    record Exclusions(boolean replies, boolean retweets) {

        static Exclusions of(String csv) {
            List<String> values = csv == null ? List.of() : List.of(csv.split(","));
            return new Exclusions(values.contains("replies"), values.contains("retweets"));
        }

        int reachable() {
            return replies ? XSimulator.REACHABLE_WITHOUT_REPLIES : XSimulator.REACHABLE;
        }

        boolean excludes(Tweet t) {
            return t.referencedTweets().stream().anyMatch(r -> (replies && r.type().equals("replied_to"))
                    || (retweets && r.type().equals("retweeted")));
        }
    }

    /**
     * One page: takes the next {@code max} candidates; withheld posts among them are left out (so a page can be
     * shorter than max_results and still carry a next_token).
     */
    private Map<String, Object> page(List<Tweet> candidates, int from, int max, boolean hasNewer,
            Map<String, String> params) {
        int to = Math.min(from + max, candidates.size());
        List<Tweet> window = candidates.subList(from, to);
        List<Tweet> data = window.stream().filter(t -> !t.withheld()).toList();
        String next = to < candidates.size() && !window.isEmpty() ? encodeToken(NEXT, window.get(window.size() - 1).id())
                : null;
        String previous = hasNewer && !window.isEmpty() ? encodeToken(PREVIOUS, window.get(0).id())
                : null;
        return renderer(params).page(data, next, previous);
    }

    private XRenderer renderer(Map<String, String> params) {
        return new XRenderer(sim, params, properties.publicUrl().toString());
    }

    private ResponseEntity<Object> serve(String endpoint, String auth,
            Function<XSimulator.Grant, ResponseEntity<Object>> handler) {
        sim.countCall(endpoint);
        sleep(sim.properties().latency());
        String token = bearer(auth);
        Optional<XSimulator.Grant> grant = sim.grantFor(token);
        if (grant.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", "Unauthorized");
            body.put("type", "about:blank");
            body.put("status", 401);
            body.put("detail", "Unauthorized");
            return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON).body(body);
        }
        if (grant.get().appOnly() && USER_CONTEXT_ONLY.contains(endpoint)) {
            return unsupportedAuthentication();
        }
        XSimulator.Quota quota = sim.consume(endpoint, grant.get());
        ResponseEntity<Object> answer;
        if (sim.isUsageCapped()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", "UsageCapExceeded");
            body.put("detail", "Usage cap exceeded: Monthly product cap");
            body.put("type", "https://api.twitter.com/2/problems/usage-capped");
            body.put("period", "Monthly");
            body.put("scope", "Product");
            int remaining = Math.max(quota.remaining(), 1);
            return ResponseEntity.status(429).contentType(MediaType.APPLICATION_JSON)
                    .headers(limitHeaders(quota.limit(), remaining, quota.reset())).body(body);
        }
        if (quota.exceeded()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", "Too Many Requests");
            body.put("detail", "Too Many Requests");
            body.put("type", "about:blank");
            body.put("status", 429);
            answer = ResponseEntity.status(429).contentType(MediaType.APPLICATION_JSON).body(body);
        } else {
            answer = handler.apply(grant.get());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        headers.addAll(limitHeaders(quota.limit(), quota.remaining(), quota.reset()));
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).body(answer.getBody());
    }

    private static ResponseEntity<Object> unsupportedAuthentication() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Unsupported Authentication");
        body.put("detail", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported "
                + "authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].");
        body.put("type", "https://api.twitter.com/2/problems/unsupported-authentication");
        body.put("status", 403);
        return ResponseEntity.status(403).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static HttpHeaders limitHeaders(int limit, int remaining, long reset) {
        HttpHeaders h = new HttpHeaders();
        h.set("x-rate-limit-limit", Integer.toString(limit));
        h.set("x-rate-limit-remaining", Integer.toString(remaining));
        h.set("x-rate-limit-reset", Long.toString(reset));
        return h;
    }

    private static String bearer(String auth) {
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).trim();
    }

    private static void sleep(Duration latency) {
        if (latency == null || latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int maxResults(Map<String, String> params, int min, int max, InvalidRequest problems) {
        String raw = params.get("max_results");
        if (raw == null) {
            return 10;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("max_results", raw, "The `max_results` query parameter value [" + raw + "] is not between "
                + min + " and " + max);
        return 10;
    }

    private static Long snowflake(Map<String, String> params, String name, InvalidRequest problems) {
        String raw = params.get(name);
        if (raw == null) {
            return null;
        }
        if (raw.matches("[0-9]{1,19}")) {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(name, raw, "The `" + name + "` query parameter value [" + raw + "] does not match ^[0-9]{1,19}$");
        return null;
    }

    private static Long token(Map<String, String> params, String name, InvalidRequest problems) {
        String raw = params.get(name);
        if (raw == null) {
            return null;
        }
        Long id = decodeToken(raw);
        if (id == null) {
            problems.add(name, raw, "The `" + name + "` query parameter value [" + raw + "] is not valid");
        }
        return id;
    }

    /** Opaque page tokens in X's style: a fixed prefix and the boundary id in base 36. */
    static final String NEXT = "7140dibdnow9c";
    static final String PREVIOUS = "77qpymm88g5h9";

    static String encodeToken(String prefix, long id) {
        return prefix + Long.toString(id, 36);
    }

    static Long decodeToken(String token) {
        if (token.length() <= NEXT.length() || !(token.startsWith(NEXT) || token.startsWith(PREVIOUS))) {
            return null;
        }
        try {
            long id = Long.parseLong(token.substring(NEXT.length()), 36);
            return id > 0 && encodeToken(token.substring(0, NEXT.length()), id).equals(token) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> notFound(String id) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", id);
        e.put("detail", "Could not find user with id: [" + id + "].");
        e.put("title", "Not Found Error");
        e.put("resource_type", "user");
        e.put("parameter", "id");
        e.put("resource_id", id);
        e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
        return Map.of("errors", List.of(e));
    }
}
