package se.medborgarloften.activity.activity.domain;

import se.medborgarloften.contracts.activity.ActivityType;

/** What is particular to each type of activity. Field names are the ones reporters write and events carry. */
public sealed interface ActivityDetails
        permits TrafficControlDetails,
                SafetyWalkDetails,
                ContactMeetingDetails,
                DrugTradeOperationDetails,
                KeyCriminalActionDetails,
                VisiblePresenceDetails,
                OtherDetails {

    ActivityType type();

    /** Adds every broken rule of these details, with field names relative to the details. */
    void check(Violations violations);

    /** The details record that a report of {@code type} carries. */
    static Class<? extends ActivityDetails> classOf(ActivityType type) {
        return switch (type) {
            case TRAFFIC_CONTROL -> TrafficControlDetails.class;
            case SAFETY_WALK -> SafetyWalkDetails.class;
            case CONTACT_MEETING -> ContactMeetingDetails.class;
            case DRUG_TRADE_OPERATION -> DrugTradeOperationDetails.class;
            case KEY_CRIMINAL_ACTION -> KeyCriminalActionDetails.class;
            case VISIBLE_PRESENCE -> VisiblePresenceDetails.class;
            case OTHER -> OtherDetails.class;
        };
    }
}
