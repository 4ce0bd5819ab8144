package se.medborgarloften.contracts.promise;

/** A measurable commitment: at least {@code minimumCount} activities of a type per MONTH, QUARTER or YEAR. */
public record CommitmentSnapshot(
        String id, String activityType, int minimumCount, String per, CommitmentFilter filter) {}
