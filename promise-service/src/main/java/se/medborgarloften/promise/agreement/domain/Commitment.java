package se.medborgarloften.promise.agreement.domain;

import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.activity.ActivityType;

/** At least {@code minimumCount} activities of {@code activityType} in every period of the given unit. */
public record Commitment(
        String id, ActivityType activityType, int minimumCount, PeriodKey.Unit per, CommitmentFilter filter) {

    public Commitment {
        if (minimumCount < 1) {
            throw new IllegalArgumentException("minimumCount must be at least 1");
        }
        filter = filter == null ? CommitmentFilter.NONE : filter;
    }
}
