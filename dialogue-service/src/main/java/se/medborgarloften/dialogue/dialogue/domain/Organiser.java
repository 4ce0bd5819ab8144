package se.medborgarloften.dialogue.dialogue.domain;

/** Who held a dialogue. */
public enum Organiser {
    MUNICIPALITY,
    POLICE,
    JOINT
}
