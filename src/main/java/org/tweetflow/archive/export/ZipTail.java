package org.tweetflow.archive.export;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes a zip is read from, counted (each entry's compressed size, for the inflation bound) and their last 64 KB
 * kept: a zip cut exactly between two entries reads like a whole one to {@code ZipInputStream}, and only its missing
 * end-of-central-directory record, at the very end, tells it was cut.
 */
class ZipTail extends BoundedInput {

    /** The end-of-central-directory record: 22 bytes and a comment of at most 65,535. */
    private static final int END_RECORD = 22;
    private static final int LONGEST_END = END_RECORD + 0xFFFF;

    private final byte[] ring = new byte[LONGEST_END];
    private long total;

    ZipTail(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            keep(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            keep(b, off, n);
        }
        return n;
    }

    /** Whether the bytes read so far end with an end-of-central-directory record whose comment ends them. */
    boolean endsWithCentralDirectory() {
        byte[] tail = tail();
        for (int at = tail.length - END_RECORD; at >= 0; at--) {
            if (tail[at] == 'P' && tail[at + 1] == 'K' && tail[at + 2] == 5 && tail[at + 3] == 6) {
                int comment = (tail[at + 20] & 0xFF) | (tail[at + 21] & 0xFF) << 8;
                if (at + END_RECORD + comment == tail.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private void keep(byte[] b, int off, int n) {
        if (n > ring.length) {
            total += n - ring.length;
            off += n - ring.length;
            n = ring.length;
        }
        int at = (int) (total % ring.length);
        int first = Math.min(n, ring.length - at);
        System.arraycopy(b, off, ring, at, first);
        System.arraycopy(b, off + first, ring, 0, n - first);
        total += n;
    }

    private byte[] tail() {
        int length = (int) Math.min(total, ring.length);
        byte[] tail = new byte[length];
        int start = (int) ((total - length) % ring.length);
        int first = Math.min(length, ring.length - start);
        System.arraycopy(ring, start, tail, 0, first);
        System.arraycopy(ring, 0, tail, first, length - first);
        return tail;
    }
}
