package org.tweetflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Where the benchmarks put their results: each benchmark class writes one Markdown section, and scripts/bench puts
 * the sections (by file name) under a header with the date and the machine into {@code report.md}.
 */
final class BenchReport {

    private BenchReport() {
    }

    /** {@code ${build.dir}/bench} when run by the bench profile; {@code target/bench} from an IDE. */
    static Path dir() throws IOException {
        return Files.createDirectories(Paths.get(System.getProperty("bench.dir", "target/bench")));
    }

    /** Writes the section {@code markdown} (starting with its own "## " heading) as {@code sections/<name>.md}. */
    static void section(String name, String markdown) throws IOException {
        Path sections = Files.createDirectories(dir().resolve("sections"));
        Files.writeString(sections.resolve(name + ".md"), markdown.strip() + "\n", StandardCharsets.UTF_8);
    }

    static final long MB = 1024 * 1024;

    /** A comma-separated list of milliseconds, as the benchmark JVMs write them. */
    static long[] millis(String list) {
        return Stream.of(list.split(",")).mapToLong(Long::parseLong).toArray();
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The runs' times, e.g. "9.3 s / 10.5 s / 11.7 s" with {@code decimals} 1. */
    static String seconds(long[] millis, int decimals) {
        return String.join(" / ", LongStream.of(millis)
                .mapToObj(m -> String.format("%." + decimals + "f s", m / 1000.0)).toList());
    }

    /** A row of a two-column figures table. */
    static void row(StringBuilder md, String figure, String value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    static String size(long bytes) {
        return bytes >= 10 * MB ? String.format("%,d MB", bytes / MB) : String.format("%.1f MB", bytes / (double) MB);
    }

    /** Removes a benchmark's working directory (gigabytes of generated data). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** "met" or "missed", as the report says it. */
    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
