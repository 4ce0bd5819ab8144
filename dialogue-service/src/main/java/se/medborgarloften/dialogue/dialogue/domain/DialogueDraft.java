package se.medborgarloften.dialogue.dialogue.domain;

import java.time.Instant;

/** A dialogue as staff write it, before it has an id. Free text is masked when it becomes a {@link Dialogue}. */
public record DialogueDraft(
        String municipalityCode,
        String area,
        Instant heldAt,
        DialogueFormat format,
        Organiser organiser,
        String targetGroup,
        int participants,
        String summary) {}
