package se.medborgarloften.dialogue.dialogue.domain;

/**
 * A concern as staff write it down. A null area means the dialogue's own; a null citizen count means one citizen.
 * Free text is masked when it becomes {@link Feedback}.
 */
public record FeedbackDraft(
        FeedbackCategory category,
        String area,
        TimeOfDay timeOfDay,
        Integer perceivedSafety,
        Integer citizenCount,
        String text) {}
