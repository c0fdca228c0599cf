package org.tweetflow.work;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.quartz.CronExpression;
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
        return lock(exchange.getFromRouteId(), period(exchange.getFromEndpoint(), clock.instant()));
    }

    /** Whether this replica takes the lock of {@code scan}, fired every {@code period}, for this period. */
    public boolean lock(String scan, Duration period) {
        Duration held = period.multipliedBy(9).dividedBy(10);
        return locks.lock(new LockConfiguration(clock.instant(), scan, held, held)).isPresent();
    }

    /** Until a Quartz timer's next fire after {@code now}, or a scheduler's delay between polls. */
    static Duration period(Endpoint timer, Instant now) {
        if (timer instanceof QuartzEndpoint quartz) {
            try {
                // Camel's URIs spell the cron's spaces as '+'
                CronExpression cron = new CronExpression(quartz.getCron().replace('+', ' '));
                return Duration.between(now, cron.getNextValidTimeAfter(Date.from(now)).toInstant());
            } catch (ParseException e) {
                throw new IllegalArgumentException("not a cron expression: " + quartz.getCron(), e);
            }
        }
        if (timer instanceof ScheduledPollEndpoint scheduler) {
            // a delay of 0 polls at Camel's default (the routes give milliseconds: {{millis:...}})
            long delay = scheduler.getDelay() > 0 ? scheduler.getDelay() : scheduler.getDefaultDelay();
            return Duration.of(delay, scheduler.getTimeUnit().toChronoUnit());
        }
        throw new IllegalArgumentException(timer.getEndpointUri() + " is no timer a scan can run on");
    }
}
