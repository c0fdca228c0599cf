package org.tweetflow.work;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * Each scheduled scan runs on one replica per period, whichever replica's timer fires first: the scan's lock row
 * (ShedLock, in the database every replica shares, on the database's clock) is taken for nine tenths of the scan's
 * period. A replica whose timer fires later in the same period finds it taken and skips the scan; the next period's
 * first timer takes it again. The lock is never released early, so it also bounds itself: a replica that dies
 * mid-scan holds it no longer than that, and the next period's scan runs elsewhere.
 */
@Component("scheduledScans")
public class ScheduledScans {

    /** camel-quartz's headers of a fire: when the trigger was due, and when it is due next. */
    static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    static final String NEXT_FIRE_TIME = "nextFireTime";

    private final LockProvider locks;
    private final Clock clock;

    public ScheduledScans(JdbcTemplate jdbc, Clock clock) {
        this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).usingDbTime().build());
        this.clock = clock;
    }

    /**
     * For a scan route's filter: whether this replica runs the scan of the route the exchange came from now, its
     * period read from the route's timer.
     */
    public boolean runsHere(Exchange exchange) {
        return lock(exchange.getFromRouteId(), period(exchange.getFromEndpoint(), exchange.getMessage()));
    }

    /** Whether this replica takes the lock of {@code scan}, fired every {@code period}, for this period. */
    public boolean lock(String scan, Duration period) {
        Duration held = period.multipliedBy(9).dividedBy(10);
        return locks.lock(new LockConfiguration(clock.instant(), scan, held, held)).isPresent();
    }

    /**
     * From a Quartz fire's scheduled time to the trigger's next (never from the clock: Quartz fires up to a few
     * milliseconds early, which made a daily period last a millisecond), or a scheduler's delay between polls.
     */
    static Duration period(Endpoint timer, Message fired) {
        if (timer instanceof QuartzEndpoint) {
            Date scheduled = fired.getHeader(SCHEDULED_FIRE_TIME, Date.class);
            Date next = fired.getHeader(NEXT_FIRE_TIME, Date.class);
            if (scheduled == null || next == null) {
                // a trigger's last fire: no later period a lock could be held for
                throw new IllegalArgumentException(timer.getEndpointUri() + " fired without a next fire time");
            }
            return Duration.between(scheduled.toInstant(), next.toInstant());
        }
        if (timer instanceof ScheduledPollEndpoint scheduler) {
            // a delay of 0 polls at Camel's default (the routes give milliseconds: {{millis:...}})
            long delay = scheduler.getDelay() > 0 ? scheduler.getDelay() : scheduler.getDefaultDelay();
            return Duration.of(delay, scheduler.getTimeUnit().toChronoUnit());
        }
        throw new IllegalArgumentException(timer.getEndpointUri() + " is no timer a scan can run on");
    }
}
