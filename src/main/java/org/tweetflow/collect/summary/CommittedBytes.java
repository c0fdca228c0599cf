package org.tweetflow.collect.summary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A collection's raw pages up to the length recorded as committed: while a run appends, what follows may be a page
 * the next run cuts, so no reader goes past it.
 */
public final class CommittedBytes extends FilterInputStream {

    private long left;

    private CommittedBytes(InputStream in, long length) {
        super(in);
        this.left = length;
    }

    /** The first {@code length} bytes of the file (all of it when it is shorter). */
    public static InputStream of(Path file, long length) throws IOException {
        return new CommittedBytes(Files.newInputStream(file), length);
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int read = super.read(buffer, offset, (int) Math.min(length, left));
        if (read > 0) {
            left -= read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }
}
