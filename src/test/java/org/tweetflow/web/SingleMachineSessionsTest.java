package org.tweetflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.tweetflow.TweetflowTest;

/**
 * Without Redis settings the service keeps Tomcat's sessions and has no Redis client to touch: the single machine
 * runs as before, with the cookie and timeout distributed mode copies (SharedSessionsTest).
 */
@TweetflowTest
class SingleMachineSessionsTest {

    @Value("${server.port}")
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ServletContext servletContext;

    @Test
    void sessionsAreTomcatsWithNoRedisClientAnywhere() throws Exception {
        HttpResponse<Void> start = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/openhumans"))
                        .build(), HttpResponse.BodyHandlers.discarding());

        assertThat(start.headers().allValues("Set-Cookie")).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax"));
        assertThat(servletContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(context.getBeanNamesForType(SessionRepository.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SessionRepositoryFilter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
    }
}
