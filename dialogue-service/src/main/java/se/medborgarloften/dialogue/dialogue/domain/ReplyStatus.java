package se.medborgarloften.dialogue.dialogue.domain;

/**
 * How far a concern has come: NEW when raised, ROUTED once someone is to act on it, LINKED_TO_PROMISE once a promise
 * answers it. ANSWERED is part of the published vocabulary; no step of this service sets it yet.
 */
public enum ReplyStatus {
    NEW,
    ROUTED,
    ANSWERED,
    LINKED_TO_PROMISE
}
