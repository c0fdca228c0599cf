package org.tweetflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metrics docs/operations.md documents (the first column of its tables), by their names in Prometheus. */
public final class MetricsTable {

    static final Pattern DOCUMENTED = Pattern.compile("^\\| `((?:tweetflow|camel)_\\w+)`", Pattern.MULTILINE);

    private MetricsTable() {
    }

    public static Set<String> documented() {
        try {
            Set<String> names = new LinkedHashSet<>();
            Matcher matcher = DOCUMENTED.matcher(Files.readString(Path.of("docs", "operations.md")));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
