package org.tweetflow.collect.summary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8: fields separated by commas, records ended by CRLF, a field quoted (its quotes doubled)
 * when it holds a comma, a quote, CR or LF. Small on purpose (jackson-dataformat-csv is not among our
 * dependencies), and it encodes into its own byte buffer: tweets.csv is most of what the summaries write, and a
 * {@code Writer}'s char-by-char encoding of non-ASCII text was the slowest part of the pass.
 */
public final class CsvWriter {

    private static final int PLAIN = 0;
    private static final int QUOTED = 1;
    private static final int QUOTED_WITH_QUOTES = 2;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;
    private boolean firstField = true;

    CsvWriter(OutputStream out) {
        this.out = out;
    }

    public void row(String... fields) throws IOException {
        for (String field : fields) {
            field(field);
        }
        endRow();
    }

    CsvWriter field(String value) throws IOException {
        if (!firstField) {
            write((byte) ',');
        }
        firstField = false;
        if (value == null || value.isEmpty()) {
            return this;
        }
        int quoting = quoting(value);
        if (quoting == PLAIN) {
            write(value);
        } else {
            write((byte) '"');
            write(quoting == QUOTED ? value : value.replace("\"", "\"\""));
            write((byte) '"');
        }
        return this;
    }

    CsvWriter field(long value) throws IOException {
        return field(Long.toString(value));
    }

    void endRow() throws IOException {
        write((byte) '\r');
        write((byte) '\n');
        firstField = true;
    }

    void flush() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
        out.flush();
    }

    /** Four vectorised scans (String.indexOf) beat one loop over the characters of a post's text. */
    private static int quoting(String value) {
        if (value.indexOf('"') >= 0) {
            return QUOTED_WITH_QUOTES;
        }
        return value.indexOf(',') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 ? QUOTED : PLAIN;
    }

    private void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > buffer.length - used) {
            out.write(buffer, 0, used);
            used = 0;
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    private void write(byte b) throws IOException {
        if (used == buffer.length) {
            out.write(buffer, 0, used);
            used = 0;
        }
        buffer[used++] = b;
    }
}
