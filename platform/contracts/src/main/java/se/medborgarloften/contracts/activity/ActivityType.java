package se.medborgarloften.contracts.activity;

/** The kinds of field activity; commitments name one, activities are one. */
public enum ActivityType {
    TRAFFIC_CONTROL,
    SAFETY_WALK,
    CONTACT_MEETING,
    DRUG_TRADE_OPERATION,
    KEY_CRIMINAL_ACTION,
    VISIBLE_PRESENCE,
    OTHER
}
