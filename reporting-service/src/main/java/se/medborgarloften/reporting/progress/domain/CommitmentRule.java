package se.medborgarloften.reporting.progress.domain;

import se.medborgarloften.contracts.promise.CommitmentFilter;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;

/**
 * Which activities count for a commitment: the same type in the agreement's municipality (the day counts are kept
 * per municipality and type), not cancelled (a cancelled activity is in no day count), and passing the commitment's
 * filter: area by name, targeted traffic controls, sub-kind such as SOBRIETY.
 */
public final class CommitmentRule {

    private CommitmentRule() {}

    public static boolean counts(CommitmentSnapshot commitment, ActivityFacet facet) {
        CommitmentFilter filter = commitment.filter();
        if (filter == null) {
            return true;
        }
        return (filter.area() == null || filter.area().equalsIgnoreCase(facet.area()))
                && (filter.targeted() == null || filter.targeted().equals(facet.targeted()))
                && (filter.subKind() == null || filter.subKind().equals(facet.kind()));
    }
}
