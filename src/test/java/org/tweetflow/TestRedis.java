package org.tweetflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * One real Redis (6.2, embedded-redis's binary) for the tests of distributed mode, started at first use and stopped
 * with the JVM. A context that registers it runs in distributed mode; the tests that share it use keys of their own.
 */
public final class TestRedis {

    private static RedisServer redis;
    private static int port;

    private TestRedis() {
    }

    /** Points the context at the shared Redis: distributed mode. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    public static synchronized String url() {
        if (redis == null) {
            try {
                try (ServerSocket free = new ServerSocket(0)) {
                    port = free.getLocalPort();
                }
                redis = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                        .setting("appendonly no").build();
                redis.start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "redis://127.0.0.1:" + port;
    }

    private static void stop() {
        try {
            redis.stop();
        } catch (IOException ignored) {
            // the JVM is ending; the process dies with it
        }
    }
}
