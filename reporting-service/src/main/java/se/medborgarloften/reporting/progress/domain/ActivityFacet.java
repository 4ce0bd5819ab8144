package se.medborgarloften.reporting.progress.domain;

import se.medborgarloften.contracts.activity.ActivityEvent;

/**
 * What a commitment's filter looks at in an activity: its area, whether it was a targeted traffic control, its
 * sub-kind. Activities of a day that are alike in these are counted together, so a period is summed from a few
 * counters instead of from every activity in it.
 */
public record ActivityFacet(String area, Boolean targeted, String kind) {

    public static ActivityFacet of(ActivityEvent activity) {
        return new ActivityFacet(
                activity.area(),
                detail(activity, "targeted") instanceof Boolean targeted ? targeted : null,
                detail(activity, "kind") instanceof String kind ? kind : null);
    }

    /** A key naming the facet that is also a valid MongoDB field name: no dots, no leading dollar. */
    public String key() {
        return FieldNames.escape(area) + "|" + targeted + "|" + FieldNames.escape(kind);
    }

    /** A count from the details, e.g. vehicles checked in a traffic control; 0 when absent. */
    static long countDetail(ActivityEvent activity, String name) {
        return detail(activity, name) instanceof Number number ? number.longValue() : 0;
    }

    private static Object detail(ActivityEvent activity, String name) {
        return activity.details() == null ? null : activity.details().get(name);
    }
}
