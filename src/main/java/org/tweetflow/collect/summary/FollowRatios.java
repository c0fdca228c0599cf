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
final class FollowRatios extends AuthorFiguresSummary {

    static final String FILE = "follow-ratio.csv";
    static final MathContext PRECISION = new MathContext(6, RoundingMode.HALF_UP);

    FollowRatios(AuthorMetrics metrics) {
        super(FILE, metrics);
    }

    @Override
    public void writeTo(Path dir) throws IOException {
        List<Ratio> ratios = new ArrayList<>();
        metrics.byAuthor().forEach((user, figures) -> {
            if (figures[1] > 0) {
                ratios.add(new Ratio(user, ratio(figures[0], figures[1])));
            }
        });
        ratios.sort(Comparator.comparing(Ratio::value).reversed().thenComparing(Ratio::user));
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

    private record Ratio(String user, BigDecimal value) {
    }
}
