package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tweetflow.MutableClock;

/**
 * Requests that arrive while the routes are starting wait for them, for a while; never while they are stopping. The
 * filter's waits are counted on a clock of the test's, never waited for: how long a test takes says nothing here.
 */
class RoutesStartedFilterTest {

    CamelContext camel;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
    final List<Duration> pauses = new ArrayList<>();

    /** A pause moves the test's clock on by its length, at once. */
    void pause(Duration wait) {
        pauses.add(wait);
        clock.advance(wait);
    }

    @BeforeEach
    void notYetStarted() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:identify-x-account").routeId("identify-x-account").log("identified");
            }
        });
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void callbackArrivingBeforeTheRoutesStartedIsServedOnceTheyHave() throws Exception {
        AtomicBoolean routeStartedWhenServed = new AtomicBoolean();
        MockFilterChain chain = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) {
                routeStartedWhenServed.set(camel.getRouteController().getRouteStatus("identify-x-account").isStarted());
            }
        });
        MockHttpServletResponse response = new MockHttpServletResponse();

        // the routes come up while the request waits: during its third pause
        new RoutesStartedFilter(camel, Duration.ofSeconds(20), clock, wait -> {
            pause(wait);
            if (pauses.size() == 3) {
                camel.start();
            }
        }).doFilter(new MockHttpServletRequest("GET", "/connect/twitter/callback"), response, chain);

        assertThat(pauses).hasSize(3);
        assertThat(chain.getRequest()).as("passed on").isNotNull();
        assertThat(routeStartedWhenServed).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void routesThatDoNotStartInTimeAnswer503WithRetryAfter() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RoutesStartedFilter(camel, Duration.ofMillis(300), clock, this::pause)
                .doFilter(new MockHttpServletRequest("POST", "/dashboard/disconnect"), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(RoutesStartedFilter.RETRY_AFTER_SECONDS);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(pauses).as("waited the patience out, in polls").hasSize(6)
                .allSatisfy(wait -> assertThat(wait).isEqualTo(RoutesStartedFilter.POLL));
    }

    @Test
    void requestArrivingDuringAGracefulShutdownAnswers503AtOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:long-sync").routeId("long-sync").process(exchange -> {
                    arrived.countDown();
                    finish.await();
                });
            }
        });
        camel.start();
        camel.getShutdownStrategy().setTimeout(30);
        camel.createProducerTemplate().asyncSendBody("direct:long-sync", "member-7");
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        // the graceful shutdown waits for the exchange in flight: the context stays "stopping" meanwhile
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(camel::stop);
        try {
            await().atMost(Duration.ofSeconds(10)).until(camel::isStopping);

            assertAnswered503AtOnce("/connect/twitter/callback");
        } finally {
            finish.countDown();
            shutdown.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void requestArrivingAfterTheRoutesStoppedAnswers503AtOnce() throws Exception {
        camel.start();
        camel.stop();

        assertAnswered503AtOnce("/dashboard");
    }

    @Test
    void sandboxAndHealthProbesNeverWait() throws Exception {
        for (String path : new String[] {"/sandbox/x/2/oauth2/token", "/actuator/health/readiness"}) {
            MockFilterChain chain = new MockFilterChain();

            new RoutesStartedFilter(camel, Duration.ofSeconds(20), clock, this::pause)
                    .doFilter(new MockHttpServletRequest("POST", path), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(path).isNotNull();
            assertThat(pauses).as(path).isEmpty();
        }
    }

    /** Answered without a single pause, though the filter's patience is 20 s. */
    private void assertAnswered503AtOnce(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RoutesStartedFilter(camel, Duration.ofSeconds(20), clock, this::pause)
                .doFilter(new MockHttpServletRequest("GET", path), response, chain);

        assertThat(pauses).as("never waited").isEmpty();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(RoutesStartedFilter.RETRY_AFTER_SECONDS);
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }
}
