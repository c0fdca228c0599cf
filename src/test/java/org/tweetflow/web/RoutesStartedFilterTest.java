package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/** Requests that arrive while the routes are starting wait for them, for a while; never while they are stopping. */
class RoutesStartedFilterTest {

    CamelContext camel;

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
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(camel::start);

        new RoutesStartedFilter(camel, Duration.ofSeconds(20))
                .doFilter(new MockHttpServletRequest("GET", "/connect/twitter/callback"), response, chain);

        assertThat(chain.getRequest()).as("passed on").isNotNull();
        assertThat(routeStartedWhenServed).isTrue();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void routesThatDoNotStartInTimeAnswer503WithRetryAfter() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        long started = System.nanoTime();

        new RoutesStartedFilter(camel, Duration.ofMillis(300))
                .doFilter(new MockHttpServletRequest("POST", "/dashboard/disconnect"), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(RoutesStartedFilter.RETRY_AFTER_SECONDS);
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
                Duration.ofSeconds(5));
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

            new RoutesStartedFilter(camel, Duration.ofSeconds(20))
                    .doFilter(new MockHttpServletRequest("POST", path), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as(path).isNotNull();
        }
    }

    /** Answered long before the filter's patience of 20 s would run out. */
    private void assertAnswered503AtOnce(String path) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        long started = System.nanoTime();

        new RoutesStartedFilter(camel, Duration.ofSeconds(20))
                .doFilter(new MockHttpServletRequest("GET", path), response, chain);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(RoutesStartedFilter.RETRY_AFTER_SECONDS);
        assertThat(chain.getRequest()).as("not passed on").isNull();
    }
}
