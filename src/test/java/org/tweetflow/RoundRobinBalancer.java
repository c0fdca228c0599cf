package org.tweetflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer for tests of several instances: every request goes to the next backend in turn (no session
 * affinity), with {@code X-Forwarded-For}, {@code -Host}, {@code -Port} and {@code -Proto} as an ingress sends them
 * (the instances trust loopback proxies), so their redirects and OAuth redirect URIs name the balancer. It listens
 * at once (so its URL can be the instances' public URL before they start); backends are added as they come up.
 * Paths given to {@link #pin} always go to one backend: the sandbox keeps its codes and tokens in the memory of the
 * instance that issued them, as the real X and Open Humans are one service outside the balancer.
 */
public final class RoundRobinBalancer implements AutoCloseable {

    /** Hop-by-hop headers, and the ones the JDK's client sets itself (it refuses to be given them). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    /** One request as the balancer passed it on. */
    public record Forwarded(String method, String pathAndQuery, URI backend) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<URI> backends = new CopyOnWriteArrayList<>();
    private final Map<String, URI> pinned = new LinkedHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final List<Forwarded> log = new CopyOnWriteArrayList<>();

    private RoundRobinBalancer(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A balancer listening on a loopback port of the system's choosing, with no backend yet. */
    public static RoundRobinBalancer start() {
        try {
            return new RoundRobinBalancer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address clients use (and the instances' public URL): {@code http://localhost:<port>}. */
    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public RoundRobinBalancer addBackend(URI backend) {
        backends.add(backend);
        return this;
    }

    /** A backend that stopped answering (killed) leaves the rotation, as a failed readiness probe takes a pod out. */
    public RoundRobinBalancer removeBackend(URI backend) {
        backends.remove(backend);
        return this;
    }

    /** Requests whose path starts with {@code pathPrefix} always go to {@code backend}, outside the rotation. */
    public synchronized RoundRobinBalancer pin(String pathPrefix, URI backend) {
        pinned.put(pathPrefix, backend);
        return this;
    }

    /** Every request passed on so far, in order. */
    public List<Forwarded> forwarded() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            URI backend = backendFor(exchange.getRequestURI().getRawPath());
            log.add(new Forwarded(exchange.getRequestMethod(), pathAndQuery, backend));
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request(exchange, backend.resolve(pathAndQuery)),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException unreachable) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, new ArrayList<>(values));
                }
            });
            byte[] body = answer.body();
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private synchronized URI backendFor(String path) {
        for (Map.Entry<String, URI> pin : pinned.entrySet()) {
            if (path.startsWith(pin.getKey())) {
                return pin.getValue();
            }
        }
        if (backends.isEmpty()) {
            throw new IllegalStateException("the balancer has no backend yet");
        }
        return backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
    }

    private HttpRequest request(HttpExchange exchange, URI target) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.toLowerCase().startsWith("x-forwarded-")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        String host = exchange.getRequestHeaders().getFirst("Host");
        return request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress())
                .header("X-Forwarded-Host", host != null ? host : url().getAuthority())
                .header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()))
                .header("X-Forwarded-Proto", "http")
                .build();
    }
}
