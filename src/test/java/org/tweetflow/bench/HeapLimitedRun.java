package org.tweetflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark step in a JVM of its own under a heap limit, on this test's classpath: the step writes what it measured
 * to {@code result.properties} in its directory. An OutOfMemoryError is a result (the target missed); any other end
 * without a result is a crash of the benchmark.
 */
final class HeapLimitedRun {

    /** The step's body in its own JVM: fills in the figures. */
    interface Step {
        void measure(Properties result) throws Exception;
    }

    private HeapLimitedRun() {
    }

    /** Runs {@code main} (whose main method calls {@link #record}) on {@code dir} and reads what it measured. */
    static Properties run(Class<?> main, Path dir, String xmx, Duration patience, String name)
            throws IOException, InterruptedException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                main.getName(), dir.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the " + name + " took longer than " + patience);
        }
        int exit = process.exitValue();
        Properties result = new Properties();
        Path file = dir.resolve("result.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                result.load(in);
            }
        }
        String output = Files.readString(log);
        if (result.getProperty("outcome") == null && output.contains("OutOfMemoryError")) {
            result.setProperty("outcome", "OutOfMemoryError");
        }
        if (result.getProperty("outcome") == null || exit != 0 && "ok".equals(result.getProperty("outcome"))) {
            throw new AssertionError("the " + name + " JVM ended with exit " + exit + " and no result:\n" + output);
        }
        return result;
    }

    /** The JVM's side: measures, and stores the figures with the outcome ("ok", or the OutOfMemoryError). */
    static void record(Path dir, String comment, Step step) throws Exception {
        Properties result = new Properties();
        try {
            step.measure(result);
            result.setProperty("outcome", "ok");
        } catch (OutOfMemoryError e) {
            result.setProperty("outcome", "OutOfMemoryError: " + e.getMessage());
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("result.properties"))) {
            result.store(out, comment);
        }
    }
}
