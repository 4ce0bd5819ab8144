package se.medborgarloften.activity.activity.domain;

import se.medborgarloften.contracts.activity.ActivityType;

/** An operation against open drug trade. Counts only: the type has no field where a name could go. */
public record DrugTradeOperationDetails(Integer personsChecked, Integer arrests, Integer seizures, Integer crimeReports)
        implements ActivityDetails {

    @Override
    public ActivityType type() {
        return ActivityType.DRUG_TRADE_OPERATION;
    }

    @Override
    public void check(Violations violations) {
        violations.count(personsChecked, "personsChecked");
        violations.count(arrests, "arrests");
        violations.count(seizures, "seizures");
        violations.count(crimeReports, "crimeReports");
    }
}
