package org.tweetflow.sandbox;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.util.AntPathMatcher;

/**
 * Faults the sandbox answers with instead of its normal behaviour, queued by tests: a status with a body and headers,
 * a delay (a read timeout), or a truncated JSON answer. Each queued fault is used once, by the first request whose
 * method and path (Ant pattern, below the sandbox root) match. Test code only: {@link SandboxFaultInjection}.
 */
public class SandboxFaults {

    private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Hold> holds = new ConcurrentLinkedQueue<>();
    /** Every hold of the test, taken ones too: a test that failed before releasing one frees its request at clear. */
    private final ConcurrentLinkedQueue<Hold> made = new ConcurrentLinkedQueue<>();
    private final AntPathMatcher matcher = new AntPathMatcher();

    public void inject(Fault fault) {
        queue.add(fault);
    }

    /**
     * Holds the next matching request until the test releases it: a provider that has not answered yet, for as long
     * as the test says, where a delay would be a guess at how long the product takes.
     */
    public Hold hold(String method, String pathPattern) {
        Hold hold = new Hold(method, pathPattern);
        made.add(hold);
        holds.add(hold);
        return hold;
    }

    public void clear() {
        queue.clear();
        holds.clear();
        made.forEach(Hold::release);
        made.clear();
    }

    /** How many faults still wait for their request: the ones taken were met by as many requests. */
    public int queued() {
        return queue.size();
    }

    /** Whether the fault still waits for its request: once taken, a delay has begun. */
    public boolean isPending(Fault fault) {
        return queue.contains(fault);
    }

    Optional<Hold> takeHold(String method, String path) {
        for (Iterator<Hold> it = holds.iterator(); it.hasNext();) {
            Hold hold = it.next();
            if (hold.method.equalsIgnoreCase(method) && matcher.match(hold.pathPattern, path) && holds.remove(hold)) {
                return Optional.of(hold);
            }
        }
        return Optional.empty();
    }

    Optional<Fault> take(String method, String path) {
        for (Iterator<Fault> it = queue.iterator(); it.hasNext();) {
            Fault fault = it.next();
            if (fault.method().equalsIgnoreCase(method) && matcher.match(fault.pathPattern(), path)
                    && queue.remove(fault)) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** A request kept from the simulator until {@link #release()}. */
    public static final class Hold {

        /** A test that never releases does not keep a server thread for ever. */
        private static final Duration AT_MOST = Duration.ofSeconds(60);

        private final String method;
        private final String pathPattern;
        private final CountDownLatch taken = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String method, String pathPattern) {
            this.method = method;
            this.pathPattern = pathPattern;
        }

        /** Waits until the request arrived and is held; false when none came within a minute. */
        public boolean awaitTaken() throws InterruptedException {
            return taken.await(AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Lets the held request (or the next one, if none has arrived yet) through to the simulator. */
        public void release() {
            released.countDown();
        }

        void awaitRelease() throws InterruptedException {
            taken.countDown();
            released.await(AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * @param delay     wait this long before answering (a normal answer when status is 0)
     * @param status    answer with this status, or 0 for the normal answer
     * @param malformed answer 200 with a JSON body cut in the middle
     */
    public record Fault(String method, String pathPattern, int status, Map<String, String> headers, String body,
            Duration delay, boolean malformed) {

        public static Fault status(String method, String pathPattern, int status, String body) {
            return new Fault(method, pathPattern, status, Map.of(), body, Duration.ZERO, false);
        }

        public static Fault delay(String method, String pathPattern, Duration delay) {
            return new Fault(method, pathPattern, 0, Map.of(), null, delay, false);
        }

        public static Fault malformed(String method, String pathPattern) {
            return new Fault(method, pathPattern, 0, Map.of(), null, Duration.ZERO, true);
        }

        public Fault withHeaders(Map<String, String> extra) {
            return new Fault(method, pathPattern, status, extra, body, delay, malformed);
        }
    }
}
