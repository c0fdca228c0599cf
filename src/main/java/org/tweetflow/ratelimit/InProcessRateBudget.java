package org.tweetflow.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tweetflow.config.ConditionalOnRedis;
import org.tweetflow.config.TweetflowProperties;

/**
 * The single-machine budget (see {@link RateBudget} for its rules). Windows live in memory (they are relearnt from
 * the first answer); pauses are stored ({@link RatePauses}) and kept in memory too, read once at the start.
 */
@Component("rateBudget")
@ConditionalOnRedis(false)
public class InProcessRateBudget implements RateBudget {

    private final Clock clock;
    private final Map<BudgetKey, Window> windows = new ConcurrentHashMap<>();
    private final RatePauses storedPauses;
    private final Map<String, RatePauses.Pause> pauses;
    private final Duration probeHold;

    @Autowired
    public InProcessRateBudget(Clock clock, RatePauses storedPauses, TweetflowProperties properties) {
        this(clock, storedPauses, properties.http().longestCall());
    }

    /** @param probeHold how long a probe holds an unknown window before another may go */
    public InProcessRateBudget(Clock clock, RatePauses storedPauses, Duration probeHold) {
        this.clock = clock;
        this.storedPauses = storedPauses;
        this.probeHold = probeHold;
        this.pauses = new ConcurrentHashMap<>(storedPauses.inForce(clock.instant()));
    }

    @Override
    public Permit tryAcquire(BudgetKey key) {
        Instant now = clock.instant();
        RatePauses.Pause all = pauses.get(RatePauses.EVERY_CALL);
        if (all != null) {
            return Permit.heldByOperators(now, all.reason());
        }
        RatePauses.Pause pause = pauses.get(key.endpoint());
        if (pause != null && pause.until().isAfter(now)) {
            return Permit.paused(pause.until(), pause.reason());
        }
        Permit[] permit = new Permit[1];
        windows.compute(key, (k, window) -> {
            Window current = window == null ? new Window(-1, 1, now.plus(DEFAULT_WINDOW), false, now, 0)
                    : !now.isBefore(window.reset()) ? window.renewed(now)
                    // the probe out has taken longer than a call with all its redeliveries may: it is lost
                    : window.probing() && !now.isBefore(window.probeHeldUntil()) ? window.withRemaining(1)
                    : window;
            if (current.remaining() > 0) {
                permit[0] = Permit.allow();
                Window taken = current.withRemaining(current.remaining() - 1);
                return current.limit() < 0 ? taken.probedUntil(now.plus(probeHold))
                        : current.closing(now) ? taken.withLate(current.late() + 1) : taken;
            }
            if (current.probing()) {
                // the probe's answer will tell the limit: another caller (a second collection on the app's token)
                // asks again shortly, not at the end of a guessed window
                permit[0] = Permit.probeOut(k, now.plus(PROBE_ANSWER_WAIT));
                return current;
            }
            permit[0] = Permit.spent(k, current.reset());
            return current;
        });
        return permit[0];
    }

    @Override
    public void observe(BudgetKey key, RateLimitHeaders headers) {
        Instant now = clock.instant();
        windows.compute(key, (k, window) -> {
            if (window != null && window.limit() >= 0
                    && (!headers.reset().isAfter(now) || window.renewedSince(headers.reset()))) {
                // the answer of a call sent before the reset: its count is of a window that has rolled (also when
                // another thread renewed the window a moment after this one read the time)
                return window;
            }
            if (window == null || window.limit() < 0 || headers.reset().isAfter(window.reset())
                    && window.resetKnown()) {
                // the late calls taken for the window that rolled are X's next window's too, and may not have reached it
                int unseen = window == null ? 0 : window.late();
                return new Window(headers.limit(), Math.max(headers.remaining() - unseen, 0), headers.reset(), true,
                        now, 0);
            }
            // Same window: calls still in flight were already taken locally, so keep the lower count. A reset
            // guessed at renewal gives way to the provider's.
            return new Window(headers.limit(), Math.min(window.remaining(), headers.remaining()),
                    window.resetKnown() ? window.reset() : headers.reset(), true, now, window.late());
        });
    }

    @Override
    public void unanswered(BudgetKey key) {
        windows.computeIfPresent(key, (k, window) -> window.probing() ? window.withRemaining(1) : window);
    }

    @Override
    public void pause(String endpoint, Instant until, String reason) {
        storedPauses.pause(endpoint, until, reason);
        pauses.merge(endpoint, new RatePauses.Pause(until, reason), RatePauses.Pause::orLonger);
    }

    @Override
    public void resumeAll() {
        storedPauses.end(RatePauses.EVERY_CALL);
        pauses.remove(RatePauses.EVERY_CALL);
    }

    @Override
    public Optional<String> allPaused() {
        return storedPauses.everyCall();
    }

    @Override
    public boolean reconciledFetching() {
        Optional<String> stored = storedPauses.everyCall();
        if (stored.isPresent()) {
            pauses.put(RatePauses.EVERY_CALL, new RatePauses.Pause(RatePauses.UNTIL_RESUMED, stored.get()));
        } else {
            pauses.remove(RatePauses.EVERY_CALL);
        }
        return stored.isEmpty();
    }

    /**
     * @param resetKnown     whether an answer said when the window resets, or it is a guess until one does
     * @param probeHeldUntil until when the probe out holds a window of unknown limit
     * @param late           calls taken in the window's last moments, which X may count in the next window
     */
    private record Window(int limit, int remaining, Instant reset, boolean resetKnown, Instant probeHeldUntil,
            int late) {

        /** The limit is unknown and so is the reset (no 429 told it): one call at a time, the probe. */
        boolean probing() {
            return limit < 0 && !resetKnown;
        }

        Window withRemaining(int left) {
            return new Window(limit, left, reset, resetKnown, probeHeldUntil, late);
        }

        Window probedUntil(Instant until) {
            return new Window(limit, remaining, reset, resetKnown, until, late);
        }

        /** Whether this window was renewed (its reset still the guess made then) at or after {@code reset}. */
        boolean renewedSince(Instant answered) {
            return !resetKnown && !answered.isAfter(reset.minus(DEFAULT_WINDOW));
        }

        Window withLate(int calls) {
            return new Window(limit, remaining, reset, resetKnown, probeHeldUntil, calls);
        }

        /** Whether a call taken now reaches X after its window rolled (see {@link RateLimitHeaders#LATE_CALLS}). */
        boolean closing(Instant now) {
            return resetKnown && !now.isBefore(reset.minus(RateLimitHeaders.LATE_CALLS));
        }

        /**
         * The provider's window has passed: a known limit is available again, less the late calls X may have
         * counted in it; an unknown one allows a probe.
         */
        Window renewed(Instant now) {
            return new Window(limit, limit < 0 ? 1 : Math.max(limit - late, 0), now.plus(DEFAULT_WINDOW), false,
                    probeHeldUntil, 0);
        }
    }
}
