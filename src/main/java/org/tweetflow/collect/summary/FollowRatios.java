package org.tweetflow.collect.summary;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code follow-ratio.csv}: each author's followers divided by the accounts they follow (last seen), to 6
 * significant digits, highest first, then by user. Authors following nobody have no ratio and are left out, as
 * dnflow did.
 */
final class FollowRatios extends AccountsSummary {

    static final String FILE = "follow-ratio.csv";
    static final MathContext PRECISION = new MathContext(6, RoundingMode.HALF_UP);
    private static final Comparator<Ratio> HIGHEST_FIRST = (a, b) -> a.order() != b.order()
            ? Double.compare(b.order(), a.order()) : a.user().compareTo(b.user());

    FollowRatios(Accounts accounts) {
        super(FILE, accounts);
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Ratio> ratios = new ArrayList<>();
        accounts.forEach((user, account) -> {
            if (account.hasFigures && account.following > 0) {
                BigDecimal ratio = ratio(account.followers, account.following);
                ratios.add(new Ratio(user, ratio, ratio.doubleValue()));
            }
        });
        ratios.sort(HIGHEST_FIRST);
        try (OutputFile out = OutputFile.open(dir, FILE)) {
            CsvWriter csv = out.csv();
            csv.row("user", "ratio");
            for (Ratio ratio : ratios) {
                csv.field(ratio.user()).field(ratio.value().toPlainString()).endRow();
            }
            out.commit();
        }
    }

    /** Exact division rounded once (no binary floating point), so the figure is the same everywhere. */
    static BigDecimal ratio(long followers, long following) {
        return BigDecimal.valueOf(followers).divide(BigDecimal.valueOf(following), PRECISION).stripTrailingZeros();
    }

    /**
     * {@code order} is the value as a double, compared instead of the BigDecimals, more cheaply: two values
     * of 6 significant digits that differ, differ by far more than a double's precision, so the order is the same.
     */
    private record Ratio(String user, BigDecimal value, double order) {
    }

}
