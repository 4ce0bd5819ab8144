package se.medborgarloften.activity.activity.domain;

import se.medborgarloften.contracts.activity.ActivityType;

/** Action against key criminals (tongivande kriminella). Counts only: the type has no field where a name could go. */
public record KeyCriminalActionDetails(Integer personsTargeted, Integer arrests, Integer seizures, Integer crimeReports)
        implements ActivityDetails {

    @Override
    public ActivityType type() {
        return ActivityType.KEY_CRIMINAL_ACTION;
    }

    @Override
    public void check(Violations violations) {
        violations.count(personsTargeted, "personsTargeted");
        violations.count(arrests, "arrests");
        violations.count(seizures, "seizures");
        violations.count(crimeReports, "crimeReports");
    }
}
