package org.tweetflow.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.BaseService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a member's request until the Camel routes have started. Tomcat takes requests about a second before Camel
 * starts its routes, and an X callback landing then could not learn the account. The wait is bounded: a service
 * whose routes do not start in time answers 503 with Retry-After. A service shutting down answers so at once: its
 * routes will not start again, and a graceful shutdown must not be held up by requests waiting for them. The
 * sandbox, health probes and static files need no route and never wait.
 */
class RoutesStartedFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    static final Duration POLL = Duration.ofMillis(50);

    private final CamelContext camel;
    private final Duration patience;
    private final Clock clock;
    private final Pause pause;

    /** Waits in real time: how long a member's browser is kept waiting, whatever the service's clock says. */
    RoutesStartedFilter(CamelContext camel, Duration patience) {
        this(camel, patience, Clock.systemUTC(), wait -> Thread.sleep(wait.toMillis()));
    }

    /** @param pause waits between two looks at the context (a test counts them instead of waiting) */
    RoutesStartedFilter(CamelContext camel, Duration patience, Clock clock, Pause pause) {
        this.camel = camel;
        this.patience = patience;
        this.clock = clock;
        this.pause = pause;
    }

    /** One wait for the routes; {@link Thread#sleep} in service. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration wait) throws InterruptedException;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/sandbox/") || path.startsWith("/actuator/") || path.startsWith("/css/")
                || path.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!routesStarted()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    startingUp() ? "tweetflow is starting" : "tweetflow is stopping");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the context (and with it every route set to start) is started, waiting up to the patience for it while
     * it is on its way up; a context stopping or stopped is not waited for.
     */
    private boolean routesStarted() {
        Instant deadline = clock.instant().plus(patience);
        while (!camel.isStarted()) {
            if (!startingUp() || !clock.instant().isBefore(deadline)) {
                return false;
            }
            try {
                pause.pause(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Created, initialised or starting, not yet started. Camel's own status calls a context that was never started
     * "Stopped" too, so the lifecycle step is read from the service itself.
     */
    private boolean startingUp() {
        if (camel instanceof BaseService service) {
            return service.isNew() || service.isBuild() || service.getStatus().isInitializing() || service.isInit()
                    || service.isStarting();
        }
        return camel.isStarting();
    }
}
