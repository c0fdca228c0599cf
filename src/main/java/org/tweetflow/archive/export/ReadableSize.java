package org.tweetflow.archive.export;

import org.springframework.util.unit.DataSize;

/** A bound as the member reads it in a refusal: "1 GB", not "1073741824B". */
final class ReadableSize {

    private static final String[] UNITS = {"bytes", "KB", "MB", "GB", "TB"};

    private ReadableSize() {
    }

    static String of(DataSize size) {
        long value = size.toBytes();
        int unit = 0;
        while (value >= 1024 && value % 1024 == 0 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return value + " " + UNITS[unit];
    }
}
