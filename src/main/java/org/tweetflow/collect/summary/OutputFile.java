package org.tweetflow.collect.summary;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written as {@code name.part} and renamed to {@code name} when complete: a reader (the download page, the
 * bundle) never sees half a file, and a failed step leaves the previous complete file or none.
 */
final class OutputFile implements Closeable {

    private final Path target;
    private final Path part;
    private final OutputStream stream;
    private final Writer writer;
    private boolean committed;

    private OutputFile(Path target) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        this.stream = Files.newOutputStream(part);
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    static OutputFile open(Path dir, String name) throws IOException {
        return new OutputFile(dir.resolve(name));
    }

    /** For text (UTF-8); use either this or {@link #stream()}, not both. */
    Writer writer() {
        return writer;
    }

    /** For bytes, unbuffered; flush what wraps it before {@link #commit()}. */
    OutputStream stream() {
        return stream;
    }

    void commit() throws IOException {
        writer.close();
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(part);
        }
    }
}
