package org.tweetflow.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tweetflow.TestRedis;
import org.tweetflow.ratelimit.BudgetKey;
import org.tweetflow.ratelimit.Permit;
import org.tweetflow.ratelimit.RateBudget;
import org.tweetflow.ratelimit.RateLimitHeaders;
import org.tweetflow.ratelimit.RatePauses;
import org.tweetflow.ratelimit.RedisRateBudget;

/**
 * Rate-budget utilisation on one shared credential (the app's bearer token) with a strict per-window limit: 1 and 3
 * replicas, each a {@link RedisRateBudget} on a connection of its own with 8 worker threads, all calling a simulated
 * provider for several windows; beside them a naive client as twarc is (call; on a 429 sleep until the reset), 1 and
 * 3 replicas of 8 threads. Calls the provider accepted ÷ calls it allowed, and the 429s. Real time.
 */
@Tag("bench")
class RateBudgetBench {

    static final int LIMIT = Integer.getInteger("bench.budget-limit", 50);
    static final long WINDOW_MILLIS = Long.getLong("bench.budget-window-millis", 8_000);
    static final int WINDOWS = Integer.getInteger("bench.budget-windows", 6);
    static final int THREADS = 8;
    /** How long an answer takes to come back; the provider counts a call when it arrives, as X does. */
    static final long LATENCY_MILLIS = 20;
    static final double TARGET = 0.97;
    static final BudgetKey APP_SEARCH = new BudgetKey("tweets/search/recent", "app");

    final Clock clock = Clock.systemUTC();

    record Result(String client, int replicas, long accepted, long allowed, long rejected, int leanestWindow) {

        double utilisation() {
            return accepted / (double) allowed;
        }
    }

    @Test
    void sharedBudgetUsesTheWindowWithoutA429() throws Exception {
        ClientResources clientThreads = DefaultClientResources.create();
        JdbcTemplate database = database();
        List<Result> results = new ArrayList<>();
        try {
            for (int replicas : new int[] {1, 3}) {
                results.add(budgeted(replicas, clientThreads, database));
            }
            for (int replicas : new int[] {1, 3}) {
                results.add(naive(replicas));
            }
        } finally {
            clientThreads.shutdown();
        }
        report(results);
    }

    /** Replicas sharing the budget on Redis: each call asks it first, each answer corrects it. */
    private Result budgeted(int replicas, ClientResources clientThreads, JdbcTemplate database) throws Exception {
        List<LettuceConnectionFactory> connections = new ArrayList<>();
        try {
            List<RateBudget> budgets = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                LettuceConnectionFactory connection = connect(clientThreads);
                connections.add(connection);
                budgets.add(new RedisRateBudget(clock, new RatePauses(database), new StringRedisTemplate(connection),
                        Duration.ofMinutes(4)));
            }
            new StringRedisTemplate(connections.get(0)).delete("tweetflow:budget:{" + APP_SEARCH.endpoint() + "}@"
                    + APP_SEARCH.credential());
            Provider provider = new Provider();
            // the first call of the credential is the probe that tells the limit, answered before the measured windows
            RateBudget first = budgets.get(0);
            first.tryAcquire(APP_SEARCH);
            first.observe(APP_SEARCH, provider.call(clock.millis()).headers());
            return run("tweetflow budget on Redis", replicas, provider, r -> () -> {
                RateBudget budget = budgets.get(r);
                while (true) {
                    long now = clock.millis();
                    if (now >= provider.end) {
                        return;
                    }
                    Permit permit = budget.tryAcquire(APP_SEARCH);
                    if (!permit.granted()) {
                        sleepUntil(Math.min(permit.retryAt().toEpochMilli(), provider.end));
                        continue;
                    }
                    Answer answer = provider.call(clock.millis());
                    Thread.sleep(LATENCY_MILLIS);
                    budget.observe(APP_SEARCH, answer.headers());
                }
            });
        } finally {
            connections.forEach(LettuceConnectionFactory::destroy);
        }
    }

    /**
     * What twarc does: call, and after a 429 sleep until the reset it names (twarc adds 10 s, more than one of these
     * windows: left out, the naive client at its best).
     */
    private Result naive(int replicas) throws Exception {
        Provider provider = new Provider();
        return run("naive (twarc: sleep until the reset after a 429)", replicas, provider, r -> () -> {
            while (clock.millis() < provider.end) {
                Answer answer = provider.call(clock.millis());
                Thread.sleep(LATENCY_MILLIS);
                if (!answer.accepted()) {
                    sleepUntil(Math.min(answer.headers().reset().toEpochMilli(), provider.end));
                }
            }
        });
    }

    /** One worker thread's calls until the measured windows end. */
    interface Loop {
        void run() throws Exception;
    }

    /**
     * Measures whole windows: from the next window's start, {@link #WINDOWS} windows, {@link #THREADS} threads of each
     * replica running the loop {@code replica} gives for it (by its index).
     */
    private Result run(String client, int replicas, Provider provider, IntFunction<Loop> replica) throws Exception {
        long start = (clock.millis() / WINDOW_MILLIS + 1) * WINDOW_MILLIS;
        provider.measure(start, start + WINDOWS * WINDOW_MILLIS);
        sleepUntil(start);
        ExecutorService pool = Executors.newFixedThreadPool(replicas * THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                for (int t = 0; t < THREADS; t++) {
                    Loop work = replica.apply(r);
                    workers.add(pool.submit(() -> {
                        work.run();
                        return null;
                    }));
                }
            }
            for (Future<?> worker : workers) {
                worker.get(WINDOWS * WINDOW_MILLIS + 30_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return provider.result(client, replicas);
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    record Answer(boolean accepted, RateLimitHeaders headers) {
    }

    /**
     * The provider's fixed windows for one credential, aligned on the epoch as X's are: {@link #LIMIT} calls a window,
     * counted on arrival, a 429 beyond them; every answer carries limit, remaining and reset. The reset reaches the
     * budget as from X's headers, with {@link RateLimitHeaders#ROLL_MARGIN} (2 s) added: the windows are 8 s so
     * that the margin leaves most of each (on X's 15 minutes it is 0.2 %).
     */
    final class Provider {

        volatile long end = Long.MAX_VALUE;
        private long start;
        private long windowEnd;
        private int used;
        /** Calls accepted and refused in each measured window, by the window's end. */
        private final Map<Long, int[]> windows = new TreeMap<>();

        synchronized Answer call(long now) {
            if (now >= windowEnd) {
                windowEnd = (now / WINDOW_MILLIS + 1) * WINDOW_MILLIS;
                used = 0;
            }
            used++;
            boolean accepted = used <= LIMIT;
            if (windowEnd > start && windowEnd <= end) {
                windows.computeIfAbsent(windowEnd, w -> new int[2])[accepted ? 0 : 1]++;
            }
            return new Answer(accepted, new RateLimitHeaders(LIMIT, Math.max(LIMIT - used, 0),
                    Instant.ofEpochMilli(windowEnd).plus(RateLimitHeaders.ROLL_MARGIN)));
        }

        /** Counts the windows from {@code from} to {@code until} only (not the probe's, before them). */
        synchronized void measure(long from, long until) {
            start = from;
            end = until;
            windows.clear();
        }

        synchronized Result result(String client, int replicas) {
            long accepted = windows.values().stream().mapToLong(w -> w[0]).sum();
            long rejected = windows.values().stream().mapToLong(w -> w[1]).sum();
            int leanest = windows.size() < WINDOWS ? 0 : windows.values().stream().mapToInt(w -> w[0]).min().orElse(0);
            return new Result(client, replicas, accepted, (long) LIMIT * WINDOWS, rejected, leanest);
        }
    }

    private void report(List<Result> results) throws Exception {
        StringBuilder md = new StringBuilder("## Rate-budget utilisation\n\n");
        md.append(String.format("One shared credential, %d calls a %.0f-second window, %d windows measured (real time);"
                + " each replica %d threads calling as fast as they are let; answers take %d ms.%n%n", LIMIT,
                WINDOW_MILLIS / 1000.0, WINDOWS, THREADS, LATENCY_MILLIS));
        md.append("| client | replicas | calls made | accepted ÷ allowed | leanest window | 429s |\n");
        md.append("|---|--:|--:|--:|--:|--:|\n");
        boolean met = true;
        for (Result r : results) {
            md.append(String.format("| %s | %d | %,d | %,d ÷ %,d = %.1f %% | %d of %d | %,d |%n", r.client(),
                    r.replicas(), r.accepted() + r.rejected(), r.accepted(), r.allowed(), 100 * r.utilisation(),
                    r.leanestWindow(), LIMIT, r.rejected()));
            if (r.client().startsWith("tweetflow")) {
                met &= r.utilisation() >= TARGET && r.rejected() == 0;
            }
        }
        md.append(String.format("%nTarget (ours): ≥ %.0f %% of the allowed calls and no 429: %s%n", 100 * TARGET,
                BenchReport.verdict(met)));
        BenchReport.section("05-rate-budget", md.toString());
    }

    private static LettuceConnectionFactory connect(ClientResources clientThreads) {
        URI redis = URI.create(TestRedis.url());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(redis.getHost(), redis.getPort()),
                LettuceClientConfiguration.builder().clientResources(clientThreads).build());
        factory.afterPropertiesSet();
        return factory;
    }

    private static JdbcTemplate database() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:bench-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
