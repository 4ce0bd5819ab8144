package se.medborgarloften.dialogue.dialogue.domain;

/** Who should act on a concern. */
public enum Routing {
    MUNICIPALITY,
    POLICE,
    HOUSING_COMPANY,
    ROAD_AUTHORITY,
    OTHER
}
