package org.tweetflow.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ScrapeSnapshot;

/** Collections by state, every member's: one query of {@code collection} per scrape, shared by the gauges. */
@Component
public class CollectionGauges implements MeterBinder {

    static final List<String> STATES = List.of(Collection.QUEUED, Collection.COLLECTING, Collection.RATE_LIMITED,
            Collection.RETRYING, Collection.COLLECTED, Collection.FAILED);

    private final JdbcTemplate jdbc;

    public CollectionGauges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ScrapeSnapshot<Map<String, Long>> counts = new ScrapeSnapshot<>(this::countByState, registry.config().clock());
        for (String state : STATES) {
            Gauge.builder("tweetflow.collections", () -> counts.get().getOrDefault(state, 0L))
                    .description("Collections by state").tag("state", state).register(registry);
        }
    }

    private Map<String, Long> countByState() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM collection GROUP BY state",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
