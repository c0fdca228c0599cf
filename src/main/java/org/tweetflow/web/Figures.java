package org.tweetflow.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the collections' pages write figures for people: numbers with thousands separators ({@code 12,345}), times in
 * UTC to the minute ({@code 30 Nov 2026, 14:05 UTC}). The pages call it as {@code @figures}; what scripts and tests
 * read stays machine-readable beside it ({@code <time datetime>}).
 */
@Component("figures")
public class Figures {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DecimalFormatSymbols ENGLISH = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    /** A count, or a decimal with all its digits (follow-ratio.csv's); empty for none. */
    public String number(Number value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0", ENGLISH); // not thread-safe: one per call
        format.setMaximumFractionDigits(value instanceof BigDecimal decimal ? Math.max(0, decimal.scale()) : 0);
        return format.format(value);
    }

    /** An instant in UTC; empty for none. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
