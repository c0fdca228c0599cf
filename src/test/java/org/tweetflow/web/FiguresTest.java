package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FiguresTest {

    final Figures figures = new Figures();

    @Test
    void countsHaveThousandsSeparatorsAndDecimalsKeepAllTheirDigits() {
        assertThat(figures.number(0)).isEqualTo("0");
        assertThat(figures.number(999)).isEqualTo("999");
        assertThat(figures.number(1234L)).isEqualTo("1,234");
        assertThat(figures.number(200000)).isEqualTo("200,000");
        assertThat(figures.number(new BigDecimal("1234567"))).isEqualTo("1,234,567");
        assertThat(figures.number(new BigDecimal("12345.6"))).isEqualTo("12,345.6");
        assertThat(figures.number(new BigDecimal("0.000123457"))).isEqualTo("0.000123");
        assertThat(figures.number(new BigDecimal("1591.1612"))).isEqualTo("1,591.16");
        assertThat(figures.number(new BigDecimal("71.9414"))).isEqualTo("71.94");
        assertThat(figures.number(null)).isEmpty();
    }

    @Test
    void timesReadAsADayAndAMinuteInUtc() {
        assertThat(figures.time(Instant.parse("2026-11-30T14:05:59.999Z"))).isEqualTo("30 Nov 2026, 14:05 UTC");
        assertThat(figures.time(Instant.parse("2027-01-02T03:04:00Z"))).isEqualTo("2 Jan 2027, 03:04 UTC");
        assertThat(figures.time(null)).isEmpty();
    }
}
