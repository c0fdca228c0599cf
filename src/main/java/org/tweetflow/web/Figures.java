package org.tweetflow.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    /**
     * A count, or a decimal (follow-ratio.csv's, whose file keeps every digit) to two decimals, or to three
     * significant digits below 1 so that a small one does not read as 0; empty for none.
     */
    public String number(Number value) {
        if (value == null) {
            return "";
        }
        Number shown = value;
        if (value instanceof BigDecimal decimal && decimal.scale() > 0) {
            shown = decimal.abs().compareTo(BigDecimal.ONE) < 0 ? decimal.round(new MathContext(3, RoundingMode.HALF_UP))
                    : decimal.setScale(Math.min(2, decimal.scale()), RoundingMode.HALF_UP);
        }
        DecimalFormat format = new DecimalFormat("#,##0", ENGLISH); // not thread-safe: one per call
        format.setMaximumFractionDigits(shown instanceof BigDecimal decimal ? Math.max(0, decimal.scale()) : 0);
        return format.format(shown);
    }

    /** An instant in UTC; empty for none. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
