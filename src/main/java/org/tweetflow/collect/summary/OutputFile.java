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
 * A file written as {@code name.<unique>.part} and renamed to {@code name} when complete: a reader (the download page,
 * the bundle) never sees half a file, a failed step leaves the previous complete file or none, and two writers (a
 * worker that lost its lease and the one that took over) never write into one part file. Written through one of
 * {@link #csv()}, {@link #writer()} or {@link #stream()}.
 */
public final class OutputFile implements Closeable {

    private final Path target;
    private final Path part;
    private final OutputStream stream;
    private Writer writer;
    private CsvWriter csv;
    private boolean committed;

    private OutputFile(Path target) throws IOException {
        this.target = target;
        this.part = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        this.stream = Files.newOutputStream(part);
    }

    public static OutputFile open(Path dir, String name) throws IOException {
        return new OutputFile(dir.resolve(name));
    }

    /** CSV records, UTF-8. */
    public CsvWriter csv() {
        if (csv == null) {
            csv = new CsvWriter(stream);
        }
        return csv;
    }

    /** Text, UTF-8. */
    Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** Bytes, unbuffered; flush what wraps it before {@link #commit()}. */
    public OutputStream stream() {
        return stream;
    }

    public void commit() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (csv != null) {
            csv.flush();
        }
        stream.close();
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            stream.close();
            Files.deleteIfExists(part);
        }
    }
}
