package se.medborgarloften.dialogue.dialogue.web;

import java.time.Instant;
import se.medborgarloften.dialogue.dialogue.domain.Dialogue;
import se.medborgarloften.dialogue.dialogue.domain.DialogueFormat;
import se.medborgarloften.dialogue.dialogue.domain.Organiser;

/** A dialogue in a list: what it was, and how many concerns it raised that still stand; its items are one GET away. */
record DialogueSummary(
        String id,
        String municipalityCode,
        String area,
        Instant heldAt,
        DialogueFormat format,
        Organiser organiser,
        String targetGroup,
        int participants,
        long feedbackCount) {

    static DialogueSummary of(Dialogue dialogue) {
        return new DialogueSummary(
                dialogue.id(),
                dialogue.municipalityCode(),
                dialogue.area(),
                dialogue.heldAt(),
                dialogue.format(),
                dialogue.organiser(),
                dialogue.targetGroup(),
                dialogue.participants(),
                dialogue.activeFeedbackCount());
    }
}
