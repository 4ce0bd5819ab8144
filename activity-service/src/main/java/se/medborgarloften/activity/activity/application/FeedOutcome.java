package se.medborgarloften.activity.activity.application;

/** What a police-feed record did: a new activity, a correction of one, or nothing because it was a repeat. */
public enum FeedOutcome {
    RECORDED,
    CORRECTED,
    UNCHANGED
}
