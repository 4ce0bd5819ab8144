package se.medborgarloften.dialogue.dialogue.domain;

/** When a place feels unsafe. */
public enum TimeOfDay {
    MORNING,
    DAYTIME,
    EVENING,
    NIGHT
}
