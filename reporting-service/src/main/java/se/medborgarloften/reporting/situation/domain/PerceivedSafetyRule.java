package se.medborgarloften.reporting.situation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import se.medborgarloften.contracts.reporting.SituationPicture.PerceivedSafety;
import se.medborgarloften.contracts.reporting.SituationPicture.SafetyTrend;

/**
 * Perceived safety: the mean of the 1–5 scores given in a window, each feedback item with a score one answer, and its
 * trend against the previous window of the same length. A mean of fewer than {@link SmallCounts#LIMIT} answers is
 * withheld, like a small concern count; a trend needs both means. Means are rounded half-up to two decimals and the
 * change is taken between the rounded means, so the published figures add up.
 */
public final class PerceivedSafetyRule {

    public static final String IMPROVING = "IMPROVING";
    public static final String WORSENING = "WORSENING";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String UNKNOWN = "UNKNOWN";

    private PerceivedSafetyRule() {}

    public static PerceivedSafety of(
            Collection<RaisedConcern> current, Collection<RaisedConcern> previous, SituationWindow previousWindow) {
        Scores now = Scores.of(current);
        Scores before = Scores.of(previous);
        Optional<BigDecimal> change = now.mean().flatMap(mean -> before.mean().map(mean::subtract));
        var trend = new SafetyTrend(
                SituationWindow.local(previousWindow.from()),
                SituationWindow.local(previousWindow.to()),
                before.mean().orElse(null),
                before.answers(),
                change.orElse(null),
                change.map(PerceivedSafetyRule::direction).orElse(UNKNOWN));
        return new PerceivedSafety(
                now.mean().orElse(null), now.answers(), now.mean().isPresent() ? null : SmallCounts.LIMIT, trend);
    }

    private static String direction(BigDecimal change) {
        return switch (change.signum()) {
            case 1 -> IMPROVING;
            case -1 -> WORSENING;
            default -> UNCHANGED;
        };
    }

    /** The scores of a window: how many answers and their sum. */
    record Scores(long answers, long sum) {

        static Scores of(Collection<RaisedConcern> concerns) {
            var scores = concerns.stream()
                    .map(RaisedConcern::perceivedSafety)
                    .filter(Objects::nonNull)
                    .mapToLong(Integer::longValue)
                    .summaryStatistics();
            return new Scores(scores.getCount(), scores.getSum());
        }

        Optional<BigDecimal> mean() {
            if (!SmallCounts.shown(answers)) {
                return Optional.empty();
            }
            return Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP));
        }
    }
}
