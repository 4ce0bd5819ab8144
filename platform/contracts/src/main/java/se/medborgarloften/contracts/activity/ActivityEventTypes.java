package se.medborgarloften.contracts.activity;

/** CloudEvent types that activity-service publishes on {@code activity.events.v1}. */
public final class ActivityEventTypes {

    public static final String SOURCE = "/medborgarloften/activity-service";
    private static final String PREFIX = "se.medborgarloften.activity.";

    public static final String RECORDED = PREFIX + "recorded.v1";
    public static final String CORRECTED = PREFIX + "corrected.v1";
    public static final String CANCELLED = PREFIX + "cancelled.v1";

    /** The action agreed on one of a safety walk's findings changed status (OPEN, DONE, REJECTED). */
    public static final String FINDING_UPDATED = PREFIX + "finding-updated.v1";

    private ActivityEventTypes() {}
}
