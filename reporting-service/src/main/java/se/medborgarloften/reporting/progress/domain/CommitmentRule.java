package se.medborgarloften.reporting.progress.domain;

import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.CommitmentFilter;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;

/**
 * Which activities count for a commitment: the same type in the agreement's municipality, not cancelled, and passing
 * the commitment's filter (area by name, targeted traffic controls, sub-kind such as SOBRIETY).
 */
public final class CommitmentRule {

    private CommitmentRule() {}

    public static boolean counts(CommitmentSnapshot commitment, String municipalityCode, ActivityEvent activity) {
        return !activity.cancelled()
                && commitment.activityType().equals(activity.activityType())
                && municipalityCode.equals(activity.municipalityCode())
                && passes(commitment.filter(), activity);
    }

    private static boolean passes(CommitmentFilter filter, ActivityEvent activity) {
        if (filter == null) {
            return true;
        }
        return (filter.area() == null || filter.area().equalsIgnoreCase(activity.area()))
                && (filter.targeted() == null || filter.targeted().equals(detail(activity, "targeted")))
                && (filter.subKind() == null || filter.subKind().equals(detail(activity, "kind")));
    }

    private static Object detail(ActivityEvent activity, String name) {
        return activity.details() == null ? null : activity.details().get(name);
    }

    /** A count from the details, e.g. vehicles checked in a traffic control; 0 when absent. */
    public static long countDetail(ActivityEvent activity, String name) {
        Object value = detail(activity, name);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
