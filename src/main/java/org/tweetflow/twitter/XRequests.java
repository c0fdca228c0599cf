package org.tweetflow.twitter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.tweetflow.tokens.MemberToken;

/** The one place that builds requests to the X API v2: paths, query strings and the rate-limit family of each. */
@Component("xRequests")
public class XRequests {

    public static final int MAX_RESULTS = 100;
    /** The rate-limit families: X counts each endpoint per user token (or per app). */
    public static final String TIMELINE = "users/tweets";
    public static final String USERS_ME = "users/me";
    public static final String REVOKE = "oauth2/revoke";
    public static final String SEARCH = "tweets/search/recent";

    private final XEndpoints endpoints;

    public XRequests(XEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * One page of a user's posts from an instant, newest first.
     *
     * @param end     exclusive; null for every post up to the request (X refuses an end_time less than 10 s old)
     * @param untilId only posts older than this one (X's until_id, which takes precedence over end_time); or null
     */
    public XCall timelinePage(long memberId, String userId, Instant start, Instant end, String untilId,
            String paginationToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("start_time", rfc3339(start));
        if (untilId != null) {
            query.put("until_id", untilId);
        } else if (end != null) {
            query.put("end_time", rfc3339(end));
        }
        query.put("max_results", String.valueOf(MAX_RESULTS));
        if (paginationToken != null) {
            query.put("pagination_token", paginationToken);
        }
        query.putAll(XFields.TWARC_DEFAULTS);
        return get(TIMELINE, endpoints.api("/2/users/" + userId + "/tweets") + "?" + encode(query), memberId);
    }

    /**
     * One page of recent search (the last 7 days), newest first, with the fields twarc asks for: as the app when its
     * bearer token is configured (X's app window, no member's X needed), else with the member's token.
     *
     * @param sinceId only posts newer than this one; null for all the 7 days hold
     */
    public XCall searchPage(long memberId, String query, int maxResults, String sinceId, String nextToken) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", query);
        params.put("max_results", String.valueOf(maxResults));
        if (sinceId != null) {
            params.put("since_id", sinceId);
        }
        if (nextToken != null) {
            params.put("next_token", nextToken);
        }
        params.putAll(XFields.TWARC_DEFAULTS);
        XCaller caller = endpoints.bearerToken() != null ? new XCaller.App() : new XCaller.Member(memberId);
        return new XCall("GET", endpoints.api("/2/tweets/search/recent") + "?" + encode(params), null, SEARCH,
                caller);
    }

    /** Who the member connected. Body: the member id. */
    public XCall me(long memberId) {
        return get(USERS_ME, endpoints.usersMe() + "?user.fields=created_at,profile_image_url,public_metrics",
                memberId);
    }

    /** Body: a member's token. Gives it back (X's OAuth 2.0 revocation, as the client). */
    public XCall revoke(MemberToken token) {
        return new XCall("POST", endpoints.revokeUrl().toString(), encode(Map.of("token", token.value())), REVOKE,
                new XCaller.Client());
    }

    private static XCall get(String endpoint, String url, long memberId) {
        return new XCall("GET", url, null, endpoint, new XCaller.Member(memberId));
    }

    private static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
