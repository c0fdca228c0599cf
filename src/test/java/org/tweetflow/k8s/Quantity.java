package org.tweetflow.k8s;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes' resource quantities of bytes ({@code 8Gi}, {@code 500M}, {@code 1e9}), as the API server reads them. */
final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+(?:[eE][0-9]+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Map<String, Long> SUFFIXES = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30,
            "Ti", 1L << 40, "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

    private Quantity() {
    }

    static long bytes(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity);
        if (!matcher.matches()) {
            throw new AssertionError("not a quantity of bytes: '" + quantity + "'");
        }
        long unit = matcher.group(2) == null ? 1 : SUFFIXES.get(matcher.group(2));
        return new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit)).longValueExact();
    }
}
