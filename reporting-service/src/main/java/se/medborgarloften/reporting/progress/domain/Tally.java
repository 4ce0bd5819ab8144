package se.medborgarloften.reporting.progress.domain;

import java.util.Collection;
import se.medborgarloften.contracts.activity.ActivityEvent;

/** What the activities that count for a commitment in one window add up to: how many, and their results as context. */
public record Tally(long done, long vehiclesChecked, long violations) {

    public static Tally of(Collection<ActivityEvent> counted) {
        return new Tally(
                counted.size(),
                counted.stream()
                        .mapToLong(a -> CommitmentRule.countDetail(a, "vehiclesChecked"))
                        .sum(),
                counted.stream()
                        .mapToLong(a -> CommitmentRule.countDetail(a, "violations"))
                        .sum());
    }
}
