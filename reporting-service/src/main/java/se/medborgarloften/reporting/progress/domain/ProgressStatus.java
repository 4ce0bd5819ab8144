package se.medborgarloften.reporting.progress.domain;

/** Where a commitment stands in one period. */
public enum ProgressStatus {
    NOT_STARTED,
    ON_TRACK,
    BEHIND,
    MET,
    MISSED
}
