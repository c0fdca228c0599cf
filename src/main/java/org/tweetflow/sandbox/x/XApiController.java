package org.tweetflow.sandbox.x;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tweetflow.sandbox.ConditionalOnSandbox;
import org.tweetflow.sandbox.SandboxClients;

/** The simulated X API v2 read endpoints: users/me, users/:id/tweets and tweets/search/recent. */
@RestController
@ConditionalOnSandbox
@RequestMapping(SandboxClients.X_PATH + "/2")
class XApiController {

    static final String TIMELINE = "users/tweets";
    static final String SEARCH = "search/recent";
    static final String ME = "users/me";

    private final XSimulator sim;

    XApiController(XSimulator sim) {
        this.sim = sim;
    }

    @GetMapping(path = "/users/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> me(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam Map<String, String> params) {
        return serve(ME, auth, grant -> {
            XSimulator.Account a = sim.account(grant.userId()).orElseThrow();
            return ResponseEntity.ok(Map.of("data", new XRenderer(sim, params).user(a)));
        });
    }

    @GetMapping(path = "/users/{id}/tweets", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> timeline(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @PathVariable String id, @RequestParam Map<String, String> params) {
        return serve(TIMELINE, auth, grant -> {
            List<Map<String, Object>> errors = new ArrayList<>();
            int max = maxResults(params, 5, 100, errors);
            Instant start = time(params, "start_time", errors);
            Instant end = time(params, "end_time", errors);
            Long sinceId = snowflake(params, "since_id", errors);
            Long untilId = snowflake(params, "until_id", errors);
            String rawToken = params.get("pagination_token");
            Long before = rawToken != null && rawToken.startsWith(PREVIOUS) ? token(params, "pagination_token",
                    errors) : null;
            Long after = before == null ? token(params, "pagination_token", errors) : null;
            if (!errors.isEmpty()) {
                return invalid(errors);
            }
            if (sim.account(id).isEmpty()) {
                return ResponseEntity.ok(notFound(id));
            }
            List<Tweet> candidates = new ArrayList<>();
            for (Tweet t : sim.reachable(id)) {
                if ((start != null && t.createdAt().isBefore(start)) || (end != null && !t.createdAt().isBefore(end))
                        || (sinceId != null && t.id() <= sinceId) || (untilId != null && t.id() >= untilId)
                        || (after != null && t.id() >= after)) {
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
            @RequestParam Map<String, String> params) {
        return serve(SEARCH, auth, grant -> {
            List<Map<String, Object>> errors = new ArrayList<>();
            String query = params.get("query");
            if (query == null || query.isBlank()) {
                errors.add(error(Map.of("query", List.of(query == null ? "" : query)),
                        "The `query` query parameter can not be empty"));
            } else if (query.length() > 512) {
                errors.add(error(Map.of("query", List.of(query)),
                        "There were errors processing your request: Query is too long (max 512 characters)"));
            }
            int max = maxResults(params, 10, 100, errors);
            Instant start = time(params, "start_time", errors);
            Instant end = time(params, "end_time", errors);
            Long sinceId = snowflake(params, "since_id", errors);
            Long untilId = snowflake(params, "until_id", errors);
            Long after = token(params, "next_token", errors);
            Instant now = sim.clock().instant();
            Instant weekAgo = now.minus(Duration.ofDays(7));
            if (start != null && start.isBefore(weekAgo)) {
                errors.add(error(Map.of("start_time", List.of(params.get("start_time"))),
                        "Invalid 'start_time':'" + params.get("start_time")
                                + "'. 'start_time' must be on or after " + XRenderer.time(weekAgo)));
            }
            if (!errors.isEmpty()) {
                return invalid(errors);
            }
            SearchQuery q = SearchQuery.parse(query);
            List<Tweet> candidates = new ArrayList<>();
            for (Tweet t : sim.recentTweets(start != null ? start : weekAgo)) {
                if ((end != null && !t.createdAt().isBefore(end)) || t.createdAt().isAfter(now)
                        || (sinceId != null && t.id() <= sinceId) || (untilId != null && t.id() >= untilId)
                        || (after != null && t.id() >= after)) {
                    continue;
                }
                String username = sim.account(t.authorId()).map(XSimulator.Account::username).orElse("");
                if (q.matches(t.text(), username)) {
                    candidates.add(t);
                }
            }
            return ResponseEntity.ok(page(candidates, 0, max, false, params));
        });
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
        return new XRenderer(sim, params).page(data, next, previous);
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
        XSimulator.Quota quota = sim.consume(endpoint, token);
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

    private static int maxResults(Map<String, String> params, int min, int max, List<Map<String, Object>> errors) {
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
        errors.add(error(Map.of("max_results", List.of(raw)), "The `max_results` query parameter value [" + raw
                + "] is not between " + min + " and " + max));
        return 10;
    }

    private static Instant time(Map<String, String> params, String name, List<Map<String, Object>> errors) {
        String raw = params.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(error(Map.of(name, List.of(raw)), "Invalid '" + name + "':'" + raw
                    + "'. '" + name + "' must be a valid RFC 3339 timestamp (YYYY-MM-DDTHH:mm:ssZ)"));
            return null;
        }
    }

    private static Long snowflake(Map<String, String> params, String name, List<Map<String, Object>> errors) {
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
        errors.add(error(Map.of(name, List.of(raw)),
                "The `" + name + "` query parameter value [" + raw + "] does not match ^[0-9]{1,19}$"));
        return null;
    }

    private static Long token(Map<String, String> params, String name, List<Map<String, Object>> errors) {
        String raw = params.get(name);
        if (raw == null) {
            return null;
        }
        Long id = decodeToken(raw);
        if (id == null) {
            errors.add(error(Map.of(name, List.of(raw)),
                    "The `" + name + "` query parameter value [" + raw + "] is not valid"));
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

    static Map<String, Object> error(Map<String, List<String>> parameters, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("parameters", parameters);
        e.put("message", message);
        return e;
    }

    private static ResponseEntity<Object> invalid(List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
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

    /** The simple query language: plain words, #tags, @users, from:user, and -word for exclusion. */
    record SearchQuery(List<String> words, List<String> excluded, List<String> from) {

        static SearchQuery parse(String query) {
            List<String> words = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            List<String> from = new ArrayList<>();
            for (String raw : query.trim().split("\\s+")) {
                String w = raw.toLowerCase(Locale.ROOT).replace("\"", "").replace("(", "").replace(")", "");
                if (w.isEmpty() || w.equals("and")) {
                    continue;
                }
                if (w.startsWith("from:")) {
                    from.add(w.substring(5).replace("@", ""));
                } else if (w.startsWith("-") && w.length() > 1) {
                    excluded.add(w.substring(1));
                } else {
                    words.add(w);
                }
            }
            return new SearchQuery(words, excluded, from);
        }

        boolean matches(String text, String username) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String f : from) {
                if (!f.equalsIgnoreCase(username)) {
                    return false;
                }
            }
            for (String w : words) {
                if (!containsWord(lower, w)) {
                    return false;
                }
            }
            for (String w : excluded) {
                if (containsWord(lower, w)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean containsWord(String text, String word) {
            int i = text.indexOf(word);
            while (i >= 0) {
                boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                int end = i + word.length();
                boolean endOk = end >= text.length() || !(Character.isLetterOrDigit(text.charAt(end))
                        || text.charAt(end) == '_');
                if (startOk && endOk) {
                    return true;
                }
                i = text.indexOf(word, i + 1);
            }
            return false;
        }
    }
}
