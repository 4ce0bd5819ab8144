package se.medborgarloften.reporting.progress.domain;

import java.time.LocalDate;
import java.util.Optional;
import se.medborgarloften.contracts.activity.ActivityEvent;

/**
 * What one activity adds to the count of its day: one done, and its results, under its facet. The day is the
 * activity's Stockholm date, the unit every period is made of; a cancelled activity counts nowhere.
 *
 * @param dayId the counted day: municipality, activity type and date, e.g. {@code 1293|TRAFFIC_CONTROL|2021-03-05}
 * @param version the activity's version this count was taken from
 */
public record DayCount(
        String activityId, long version, String dayId, ActivityFacet facet, long vehiclesChecked, long violations) {

    public static Optional<DayCount> of(ActivityEvent activity) {
        if (activity.cancelled()) {
            return Optional.empty();
        }
        LocalDate day =
                activity.occurredAt().toInstant().atZone(StockholmPeriods.ZONE).toLocalDate();
        return Optional.of(new DayCount(
                activity.aggregateId(),
                activity.aggregateVersion(),
                dayId(activity.municipalityCode(), activity.activityType(), day),
                ActivityFacet.of(activity),
                ActivityFacet.countDetail(activity, "vehiclesChecked"),
                ActivityFacet.countDetail(activity, "violations")));
    }

    public static String dayId(String municipalityCode, String activityType, LocalDate day) {
        return municipalityCode + "|" + activityType + "|" + day;
    }

    /** The field under which the day keeps this activity's count. */
    public String memberKey() {
        return FieldNames.escape(activityId);
    }
}
