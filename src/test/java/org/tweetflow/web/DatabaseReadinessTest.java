package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tweetflow.TcpProxy;
import org.tweetflow.TestPostgres;
import org.tweetflow.TweetflowTest;

/**
 * A replica whose PostgreSQL is gone takes no traffic (readiness DOWN) and is not restarted (liveness UP); when the
 * database answers again it is ready again. The database sits behind a relay the test cuts and restores.
 */
@TweetflowTest
// a health check waits this long for a connection while the database is gone (Hikari's default: 30 s)
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=1000")
// its database is reached through the relay closed below: no later test may reuse this context
@DirtiesContext
class DatabaseReadinessTest {

    private static final Pattern PORT = Pattern.compile("//localhost:(\\d+)/");
    private static TcpProxy database;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void databaseBehindARelay(DynamicPropertyRegistry registry) {
        TestPostgres.register((name, value) -> registry.add(name, name.equals("spring.datasource.url")
                ? () -> throughRelay(value.get().toString()) : value), "database_readiness");
    }

    private static synchronized String throughRelay(String url) {
        Matcher port = PORT.matcher(url);
        assertThat(port.find()).as(url).isTrue();
        if (database == null) {
            database = TcpProxy.to(Integer.parseInt(port.group(1)));
        }
        return port.replaceFirst("//localhost:" + database.port() + "/");
    }

    @AfterAll
    static synchronized void closeTheRelay() throws IOException {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @Test
    void notReadyWhileTheDatabaseIsGoneAndReadyWhenItReturnsWhileAliveThroughout() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> probe("readiness").statusCode() == 200);

        database.cut();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe("readiness").statusCode() == 503);
            assertThat(probe("readiness").body()).contains("\"DOWN\"");
            assertThat(probe("liveness").statusCode()).isEqualTo(200);
        } finally {
            database.restore();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> probe("readiness").statusCode() == 200);
        assertThat(probe("liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> probe(String group) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health/" + group)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
