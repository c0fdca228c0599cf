package org.tweetflow.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * A replica in a JVM of its own ({@code java -cp <this JVM's class path> Replica --key=value ...}), so that a test
 * can kill it as the kernel kills a pod's process: SIGKILL, no shutdown hook, no graceful stop, its connections cut.
 * Under Surefire the class path is one booter jar whose manifest names every entry: the child gets those entries
 * (given the jar itself, Camel's scan of the class path would find the routes twice). Its output goes to a file.
 */
public final class ChildReplica implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ChildReplica(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the JVM; {@link #awaitReady} waits for it. */
    static ChildReplica start(Map<String, String> settings, Path log) {
        int port = freePort();
        int managementPort = freePort();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("server.port", Integer.toString(port));
        all.put("management.server.port", Integer.toString(managementPort));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                classPath(), Replica.class.getName()));
        command.addAll(List.of(Replica.arguments(all)));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.join(" ", command) + System.lineSeparator());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildReplica(process, port, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a replica's JVM", e);
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    public Path log() {
        return log;
    }

    /** Waits until the replica says it is ready (database, routes), as a readiness probe would. */
    void awaitReady(Duration atMost) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the replica's JVM ended with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                        + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the replica was not ready within " + atMost + "; see " + log);
    }

    /** kill -9: SIGKILL, as the kernel ends an evicted or OOM-killed pod's process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * This JVM's class path, with Surefire's booter jar replaced by the entries its manifest names, and without the
     * empty entry Surefire leaves at its end: that one is the working directory, whose {@code routes/} folder Camel
     * would load a second time.
     */
    static String classPath() {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return classPath;
        }
        try (JarFile booter = new JarFile(classPath)) {
            String named = booter.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (named == null) {
                return classPath;
            }
            URI base = Path.of(classPath).toAbsolutePath().getParent().toUri();
            return Arrays.stream(named.trim().split("\\s+")).map(entry -> Path.of(base.resolve(entry)).toString())
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path of " + classPath, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
