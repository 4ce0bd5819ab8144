package se.medborgarloften.dialogue.dialogue.domain;

/** How a dialogue met its citizens. */
public enum DialogueFormat {
    PUBLIC_MEETING,
    SAFETY_WALK,
    SURVEY,
    DIGITAL,
    POP_UP,
    FOCUS_GROUP,
    SCHOOL_VISIT,
    OTHER
}
