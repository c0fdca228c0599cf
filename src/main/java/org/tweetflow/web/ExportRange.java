package org.tweetflow.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.tweetflow.collect.InvalidCollectionException;

/**
 * The posts an export holds, for the page and the API alike: those created from {@code from} until {@code to}, each
 * either a day ({@code 2026-12-06}, UTC) or an instant ({@code 2026-12-06T00:00:00Z}, an offset allowed); either left
 * out for no bound. {@code from} is included; a day as {@code to} is included whole (up to the next midnight), an
 * instant as {@code to} is not: the range is [from, to) with a day standing for its first or its next midnight. So
 * {@code from=2026-12-06&to=2026-12-06} is that one day, as is {@code from=2026-12-06&to=2026-12-07T00:00:00Z}.
 *
 * @param from the first instant included, null for none
 * @param to   the first instant left out, null for none
 */
record ExportRange(Instant from, Instant to) {

    /** @throws InvalidCollectionException for a bound that is neither a day nor an instant, or an empty range */
    static ExportRange of(String from, String to) {
        Instant start = bound(from, "from", false);
        Instant end = bound(to, "to", true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidCollectionException("'to' (" + to.strip() + ") must end after 'from' (" + from.strip()
                    + ") starts");
        }
        return new ExportRange(start, end);
    }

    private static Instant bound(String text, String name, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.indexOf('T') < 0) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw new InvalidCollectionException("'" + name + "' is a day such as 2026-12-06 or an instant such as "
                    + "2026-12-06T00:00:00Z, not '" + value + "'");
        }
    }
}
