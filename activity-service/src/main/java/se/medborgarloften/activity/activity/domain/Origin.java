package se.medborgarloften.activity.activity.domain;

/** Where an activity was reported: by a police system over Kafka, or by staff through the API. */
public enum Origin {
    POLICE_FEED,
    STAFF
}
