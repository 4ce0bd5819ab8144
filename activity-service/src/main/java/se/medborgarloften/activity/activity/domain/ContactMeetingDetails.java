package se.medborgarloften.activity.activity.domain;

import se.medborgarloften.contracts.activity.ActivityType;

/** A meeting of neighbourhood-watch contact persons (kontaktombudsträff). */
public record ContactMeetingDetails(Integer attendees) implements ActivityDetails {

    @Override
    public ActivityType type() {
        return ActivityType.CONTACT_MEETING;
    }

    @Override
    public void check(Violations violations) {
        if (violations.required(attendees, "attendees")) {
            violations.check(attendees >= 1, "attendees", "must be at least 1");
        }
    }
}
