package org.tweetflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.tweetflow.RoundRobinBalancer;
import org.tweetflow.TestPostgres;
import org.tweetflow.TestRedis;
import org.tweetflow.sandbox.SandboxClients;
import org.tweetflow.sandbox.SandboxFaultInjection;
import org.tweetflow.sandbox.SandboxFaults;
import org.tweetflow.sandbox.openhumans.OpenHumansSimulator;
import org.tweetflow.sandbox.x.XSimulator;

/**
 * The service as a deployment runs it: replicas of one image sharing one PostgreSQL database, one Redis and one
 * collections directory (the volume every replica mounts), behind a {@link RoundRobinBalancer} without session
 * affinity whose address is the public URL of all of them; the simulated X and Open Humans on a host of their own
 * (the sandbox on, its own in-memory database, no workers) that the balancer serves under {@code /sandbox}. The
 * replicas run with the sandbox off and the providers' settings pointing at it, as they would at the real ones.
 * Replicas in this JVM are cheap (a few seconds each); one in a JVM of its own ({@link ChildReplica}) can be killed.
 */
public final class Cluster implements AutoCloseable {

    static final String TOKEN_KEY = "cluster-test-token-key-not-a-secret-0123456789";

    private final RoundRobinBalancer balancer;
    private final Path dir;
    private final ConfigurableApplicationContext sandbox;
    /** Every replica's settings, for one started later ({@link #startReplica}). */
    private final Map<String, String> replicaSettings;
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    /** Every replica's address, in the order they joined the balancer: a replica's index names it. */
    private final List<URI> addresses = new ArrayList<>();
    private ChildReplica child;

    private Cluster(RoundRobinBalancer balancer, Path dir, ConfigurableApplicationContext sandbox,
            Map<String, String> replicaSettings) {
        this.balancer = balancer;
        this.dir = dir;
        this.sandbox = sandbox;
        this.replicaSettings = replicaSettings;
    }

    /**
     * @param database   the PostgreSQL database of this cluster ({@link TestPostgres}), created on first use
     * @param inJvm      replicas in this JVM
     * @param inChild    whether one more replica runs in a JVM of its own (started first: it starts alongside)
     * @param simulation the sandbox's settings ({@code tweetflow.simulation.*}: windows and limits)
     * @param settings   every replica's settings beyond the cluster's own (leases, schedules, workers)
     */
    public static Cluster start(String database, int inJvm, boolean inChild, Map<String, String> simulation,
            Map<String, String> settings) throws IOException, InterruptedException {
        RoundRobinBalancer balancer = RoundRobinBalancer.start();
        Path dir = Files.createTempDirectory("tweetflow-cluster-");
        Cluster cluster = null;
        try {
            Map<String, String> replica = replicaSettings(database, balancer.url(), dir, settings);
            ChildReplica child = inChild ? ChildReplica.start(named(replica, "child"),
                    Path.of("target", "cluster", database + "-child.log")) : null;
            cluster = new Cluster(balancer, dir, Replica.start(sandboxSettings(balancer.url(), dir, simulation),
                    SandboxFaultInjection.class), replica);
            // an ingress rule of its own: the simulated providers are one service outside the rotation
            balancer.pin(SandboxClients.ROOT + "/", URI.create("http://localhost:" + port(cluster.sandbox)));
            for (int i = 1; i <= inJvm; i++) {
                cluster.startReplica();
            }
            if (child != null) {
                cluster.child = child;
                child.awaitReady(Duration.ofMinutes(2));
                cluster.add(child.url());
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                balancer.close();
            }
            throw e;
        }
    }

    /** One more replica in this JVM (a pod started, or one restarted), named for the order it joins in. */
    public ConfigurableApplicationContext startReplica() {
        ConfigurableApplicationContext context = Replica.start(named(replicaSettings,
                Integer.toString(addresses.size() + 1)));
        replicas.add(context);
        add(URI.create("http://localhost:" + port(context)));
        return context;
    }

    /**
     * Stops a replica in this JVM as Kubernetes stops a pod: out of the rotation (its endpoint dropped), then its
     * context closed (SIGTERM: the graceful shutdown), in the background, as the close waits for the work in flight.
     */
    public CompletableFuture<Void> stopReplica(ConfigurableApplicationContext replica) {
        replicas.remove(replica);
        balancer.removeBackend(URI.create("http://localhost:" + port(replica)));
        return CompletableFuture.runAsync(replica::close);
    }

    private void add(URI replica) {
        addresses.add(replica);
        balancer.addBackend(replica);
    }

    private static Map<String, String> sandboxSettings(URI publicUrl, Path dir, Map<String, String> simulation) {
        Map<String, String> s = common(publicUrl, "sandbox");
        s.put("tweetflow.sandbox", "true");
        s.put("spring.datasource.url", "jdbc:h2:mem:cluster-sandbox-" + dir.getFileName()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        s.put("tweetflow.archive.claim-queued", "false");
        s.put("tweetflow.collect.claim-queued", "false");
        s.put("tweetflow.collect.data-dir", dir.resolve("sandbox-collections").toString());
        s.put("tweetflow.imports.dir", dir.resolve("sandbox-imports").toString());
        s.put("tweetflow.simulation.openhumans.storage-dir", dir.resolve("sandbox-openhumans").toString());
        s.putAll(simulation);
        return s;
    }

    private static Map<String, String> replicaSettings(String database, URI publicUrl, Path dir,
            Map<String, String> settings) {
        Map<String, String> s = common(publicUrl, "replica");
        TestPostgres.register((name, value) -> s.put(name, String.valueOf(value.get())), database);
        s.put("spring.data.redis.url", TestRedis.url());
        s.put("tweetflow.sandbox", "false");
        s.put("tweetflow.twitter.api-url", publicUrl + SandboxClients.X_PATH);
        s.put("tweetflow.twitter.authorize-url", publicUrl + SandboxClients.X_PATH + "/i/oauth2/authorize");
        s.put("tweetflow.twitter.client-id", SandboxClients.X_CLIENT_ID);
        s.put("tweetflow.twitter.client-secret", SandboxClients.X_CLIENT_SECRET);
        s.put("tweetflow.twitter.bearer-token", SandboxClients.X_APP_BEARER_TOKEN);
        s.put("tweetflow.openhumans.url", publicUrl + SandboxClients.OPEN_HUMANS_PATH);
        s.put("tweetflow.openhumans.client-id", SandboxClients.OPEN_HUMANS_CLIENT_ID);
        s.put("tweetflow.openhumans.client-secret", SandboxClients.OPEN_HUMANS_CLIENT_SECRET);
        // the volume every replica mounts (ReadWriteMany)
        s.put("tweetflow.collect.data-dir", dir.resolve("collections").toString());
        s.put("tweetflow.imports.dir", dir.resolve("imports").toString());
        s.putAll(settings);
        return s;
    }

    private static Map<String, String> common(URI publicUrl, String name) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.port", "0");
        s.put("management.server.port", "0");
        s.put("tweetflow.public-url", publicUrl.toString());
        s.put("tweetflow.token-key", TOKEN_KEY);
        s.put("tweetflow.http.retry-delay", "10");
        s.put("camel.main.name", "tweetflow-" + name);
        // the replicas share one JVM (one MBean server), where separate pods would not
        s.put("spring.jmx.unique-names", "true");
        s.put("logging.level.root", "WARN");
        s.put("logging.level.org.tweetflow", "INFO");
        s.put("spring.main.banner-mode", "off");
        return s;
    }

    /** Each replica's Camel context (and so its Quartz scheduler) has a name of its own, as in separate pods. */
    private static Map<String, String> named(Map<String, String> settings, String name) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.put("camel.main.name", "tweetflow-replica-" + name);
        return s;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public RoundRobinBalancer balancer() {
        return balancer;
    }

    /** Which replica (by the order they joined) a request went to; -1 for the sandbox's host. */
    public int replicaOf(RoundRobinBalancer.Forwarded request) {
        return addresses.indexOf(request.backend());
    }

    /** The replicas in this JVM, in the balancer's order (the child, when there is one, comes after them). */
    public List<ConfigurableApplicationContext> replicas() {
        return List.copyOf(replicas);
    }

    /** A bean of the first replica in this JVM: they share the database and Redis, so any one will do. */
    public <T> T bean(Class<T> type) {
        return replicas.get(0).getBean(type);
    }

    public ChildReplica child() {
        return child;
    }

    /** Kills the child's JVM (SIGKILL) and takes it out of the balancer's rotation, as a failed probe would. */
    public void killChild() throws InterruptedException {
        child.kill();
        balancer.removeBackend(child.url());
    }

    public XSimulator x() {
        return sandbox.getBean(XSimulator.class);
    }

    public OpenHumansSimulator openHumans() {
        return sandbox.getBean(OpenHumansSimulator.class);
    }

    public SandboxFaults faults() {
        return sandbox.getBean(SandboxFaults.class);
    }

    /** Where the posts of X export uploads wait for their import, on the volume every replica mounts. */
    public Path imports() {
        return dir.resolve("imports");
    }

    /** The collections directory every replica mounts. */
    public Path collections() {
        return dir.resolve("collections");
    }

    @Override
    public void close() throws InterruptedException {
        if (child != null) {
            child.close();
        }
        if (sandbox != null) {
            sandbox.getBean(SandboxFaults.class).clear();
        }
        replicas.forEach(ConfigurableApplicationContext::close);
        if (sandbox != null) {
            sandbox.close();
        }
        balancer.close();
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
