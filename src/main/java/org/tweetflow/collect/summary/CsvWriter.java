package org.tweetflow.collect.summary;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field quoted (its quotes doubled) when it holds
 * a comma, a quote, CR or LF. Small on purpose: jackson-dataformat-csv is not among our dependencies.
 */
final class CsvWriter {

    private final Writer out;
    private boolean firstField = true;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(String... fields) throws IOException {
        for (String field : fields) {
            field(field);
        }
        endRow();
    }

    CsvWriter field(String value) throws IOException {
        if (!firstField) {
            out.write(',');
        }
        firstField = false;
        if (value != null) {
            if (needsQuotes(value)) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        }
        return this;
    }

    CsvWriter field(long value) throws IOException {
        return field(Long.toString(value));
    }

    void endRow() throws IOException {
        out.write("\r\n");
        firstField = true;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
