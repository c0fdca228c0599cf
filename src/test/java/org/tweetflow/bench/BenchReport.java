package org.tweetflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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

    /** "met" or "missed", as the report says it. */
    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }
}
