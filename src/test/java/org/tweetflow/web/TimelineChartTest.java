package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineChartTest {

    static final Instant FIRST = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aWeekIsOneColumnPerHourScaledToThePeak() {
        TimelineChart chart = TimelineChart.of(FIRST, List.of(2L, 0L, 8L, 4L));

        assertThat(chart.perHour()).isTrue();
        assertThat(chart.peak()).isEqualTo(8);
        assertThat(chart.columns()).extracting(TimelineChart.Column::count).containsExactly(2L, 0L, 8L, 4L);
        assertThat(chart.columns()).extracting(TimelineChart.Column::height).containsExactly(25.0, 0.0, 100.0, 50.0);
        assertThat(chart.columns()).extracting(TimelineChart.Column::x).containsExactly(0, 10, 20, 30);
        assertThat(chart.columns().get(1).start()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(chart.width()).isEqualTo(40);
    }

    @Test
    void moreHoursThanTwoWeeksAreSummedPerDaySoThePageStaysSmall() {
        List<Long> hours = new ArrayList<>(Collections.nCopies(24 * 20 + 5, 1L));

        TimelineChart chart = TimelineChart.of(FIRST, hours);

        assertThat(chart.perHour()).isFalse();
        assertThat(chart.hours()).isEqualTo(24);
        assertThat(chart.columns()).hasSize(21);
        assertThat(chart.columns().get(0).count()).isEqualTo(24);
        assertThat(chart.columns().get(20).count()).isEqualTo(5);
        assertThat(chart.columns().get(1).start()).isEqualTo(FIRST.plusSeconds(24 * 3600));
    }

    @Test
    void noHoursNoColumns() {
        assertThat(TimelineChart.of(Instant.EPOCH, List.of()).columns()).isEmpty();
    }
}
