package se.medborgarloften.activity.activity.domain;

import se.medborgarloften.contracts.activity.ActivityType;

/** Any other field activity, described in a sentence or two. */
public record OtherDetails(String description) implements ActivityDetails {

    @Override
    public ActivityType type() {
        return ActivityType.OTHER;
    }

    @Override
    public void check(Violations violations) {
        violations.requiredText(description, "description", 2000);
    }
}
