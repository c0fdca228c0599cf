package org.tweetflow.sandbox.x;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code start_time} (inclusive) and {@code end_time} (exclusive) of a request, checked the way X checks them:
 * RFC 3339 to the second, not before the endpoint's earliest instant, at least 10 seconds before the request time,
 * and start before end. Either may be null when not asked for.
 */
record XTimeWindow(Instant start, Instant end) {

    /** The earliest {@code start_time}/{@code end_time} the timeline accepts (its documented minimum). */
    static final Instant TIMELINE_FLOOR = Instant.parse("2010-11-06T00:00:00Z");
    /** How far before the request time both instants must lie. */
    static final Duration REQUEST_TIME_MARGIN = Duration.ofSeconds(10);

    private static final Pattern RFC3339 = Pattern
            .compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?(Z|[+-]\\d\\d:\\d\\d)");

    /** Reads both instants; every broken rule goes to {@code problems} (and leaves that instant null). */
    static XTimeWindow read(Map<String, String> query, Instant floor, Instant now, InvalidRequest problems) {
        Instant start = instant(query, "start_time", floor, now, problems);
        Instant end = instant(query, "end_time", floor, now, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(Map.of("start_time", List.of(echo(start)), "end_time",
                    List.of(echo(end))), "Invalid 'start_time':'" + echo(start)
                            + "'. 'start_time' must be before 'end_time':'" + echo(end) + "'");
            return new XTimeWindow(null, null);
        }
        return new XTimeWindow(start, end);
    }

    private static Instant instant(Map<String, String> query, String name, Instant floor, Instant now,
            InvalidRequest problems) {
        String raw = query.get(name);
        if (raw == null) {
            return null;
        }
        Instant at = parse(raw);
        if (at == null) {
            problems.add(name, raw, "Invalid '" + name + "':'" + raw + "'. '" + name
                    + "' must be a valid RFC 3339 timestamp (YYYY-MM-DDTHH:mm:ssZ)");
            return null;
        }
        if (at.isBefore(floor)) {
            problems.add(name, echo(at), "Invalid '" + name + "':'" + echo(at) + "'. '" + name
                    + "' must be on or after " + echo(floor));
            return null;
        }
        if (at.isAfter(now.minus(REQUEST_TIME_MARGIN))) {
            problems.add(name, echo(at), "Invalid '" + name + "':'" + echo(at) + "'. '" + name
                    + "' must be a minimum of 10 seconds prior to the request time.");
            return null;
        }
        return at;
    }

    private static Instant parse(String raw) {
        if (!RFC3339.matcher(raw).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** X repeats instants in its messages as its JVM prints them: 2010-11-06T00:00Z (zero seconds left out). */
    static String echo(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toString();
    }

    /**
     * The timeline's since_id takes precedence over start_time, and until_id over end_time, where both are given
     * (docs.x.com, "User Posts timeline by User ID"): the time the id replaces no longer bounds the answer.
     */
    XTimeWindow givingWayTo(Long sinceId, Long untilId) {
        return new XTimeWindow(sinceId == null ? start : null, untilId == null ? end : null);
    }

    boolean excludes(Instant at) {
        return (start != null && at.isBefore(start)) || (end != null && !at.isBefore(end));
    }
}
