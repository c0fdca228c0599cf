package org.tweetflow.twitter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The one place that builds requests to the X API v2 (URLs with their query strings). */
@Component("xRequests")
public class XRequests {

    public static final int MAX_RESULTS = 100;

    private final XEndpoints endpoints;

    public XRequests(XEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** One page of a user's posts between two instants (end exclusive), newest first. */
    public String timelinePage(String userId, Instant start, Instant end, String paginationToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("start_time", rfc3339(start));
        query.put("end_time", rfc3339(end));
        query.put("max_results", String.valueOf(MAX_RESULTS));
        if (paginationToken != null) {
            query.put("pagination_token", paginationToken);
        }
        query.putAll(XFields.TWARC_DEFAULTS);
        return endpoints.api("/2/users/" + userId + "/tweets") + "?" + encode(query);
    }

    public String me() {
        return endpoints.api("/2/users/me") + "?user.fields=created_at,profile_image_url,public_metrics";
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
