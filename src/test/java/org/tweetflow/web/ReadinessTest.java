package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.tweetflow.TweetflowTest;

/** The readiness probe says "ready" only while the routes run: a replica whose routes are down gets no traffic. */
@TweetflowTest
class ReadinessTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;
    @Autowired
    CamelContext camel;

    @Test
    void notReadyWhileARouteIsStopped() throws Exception {
        assertThat(readiness()).returns(200, HttpResponse::statusCode).extracting(HttpResponse::body).asString()
                .contains("\"UP\"");

        camel.getRouteController().stopRoute("identify-x-account");
        try {
            assertThat(readiness()).returns(503, HttpResponse::statusCode).extracting(HttpResponse::body).asString()
                    .contains("\"OUT_OF_SERVICE\"");
        } finally {
            camel.getRouteController().startRoute("identify-x-account");
        }

        assertThat(readiness().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> readiness() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
