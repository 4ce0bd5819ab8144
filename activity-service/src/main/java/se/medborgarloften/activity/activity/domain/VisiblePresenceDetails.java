package se.medborgarloften.activity.activity.domain;

import java.math.BigDecimal;
import se.medborgarloften.contracts.activity.ActivityType;

/** Visible police or municipal presence at a place, for a number of hours (e.g. 1.5). */
public record VisiblePresenceDetails(String place, BigDecimal hours) implements ActivityDetails {

    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

    public VisiblePresenceDetails {
        // 1.5 and 1.50 are the same report; a repeat must compare equal.
        hours = hours == null ? null : hours.stripTrailingZeros();
    }

    @Override
    public ActivityType type() {
        return ActivityType.VISIBLE_PRESENCE;
    }

    @Override
    public void check(Violations violations) {
        violations.requiredText(place, "place", 200);
        if (violations.required(hours, "hours")) {
            violations.between(hours, "hours", BigDecimal.ZERO, MAX_HOURS);
        }
    }
}
