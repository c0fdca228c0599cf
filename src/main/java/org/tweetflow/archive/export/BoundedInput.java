package org.tweetflow.archive.export;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * Counts the bytes read through it and refuses the upload, with the member's reason, once they pass a bound: how a
 * hostile upload (a bomb, a giant entry, an endless post) is stopped while it streams, before it costs more than a
 * real export would.
 */
class BoundedInput extends FilterInputStream {

    private static final LongSupplier UNBOUNDED = () -> Long.MAX_VALUE;

    private long count;
    private LongSupplier bound = UNBOUNDED;
    private String reason;

    BoundedInput(InputStream in) {
        super(in);
    }

    /** From now on, refuse with this reason once more than {@code bound} bytes in all were read through it. */
    BoundedInput bound(LongSupplier bound, String reason) {
        this.bound = bound;
        this.reason = reason;
        return this;
    }

    void unbound() {
        bound = UNBOUNDED;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    /** Skipping reads through, so a skipped entry is counted (and bounded) like a read one. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        for (int read; skipped < n && (read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped))) > 0; ) {
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads through what is left, unkept, under the bound. */
    void drain() throws IOException {
        transferTo(OutputStream.nullOutputStream());
    }

    private void counted(int n) {
        count += n;
        if (count > bound.getAsLong()) {
            throw new RefusedExportException(reason);
        }
    }
}
