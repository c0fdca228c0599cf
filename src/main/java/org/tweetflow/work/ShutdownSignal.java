package org.tweetflow.work;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Whether this replica is stopping. Spring stops it first of all (the highest phase), before Tomcat finishes its
 * requests and Camel its exchanges: from then on the workers claim nothing and the running jobs make no further call
 * to X; each uploads or keeps what it fetched and hands its work item back, within the grace period, for the next
 * claim (another replica, or this one restarted) to resume at once.
 */
@Component
public class ShutdownSignal implements SmartLifecycle {

    private volatile boolean running;
    /** Apart from running: before the start nothing is stopping (a route called during start-up works). */
    private volatile boolean stopping;

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    @Override
    public void stop() {
        stopping = true;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stopped before the web server's graceful shutdown (Boot 3.5's {@code WebServerGracefulShutdownLifecycle}, phase
     * {@code DEFAULT_PHASE - 1024}), the web server's stop ({@code DEFAULT_PHASE - 2048}) and Camel's
     * ({@code SpringCamelContext}, {@code DEFAULT_PHASE - 2049}): the phases as read in the 3.5.9 and 4.17 jars.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** Whether the replica stops: no new work, no further call to X. */
    public boolean stopping() {
        return stopping;
    }
}
