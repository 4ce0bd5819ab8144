package se.medborgarloften.dialogue.dialogue.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.medborgarloften.dialogue.dialogue.domain.Dialogue;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/** A dialogue with its feedback and the version that an {@code If-Match} on the next change must name. */
record DialogueResponse(@JsonUnwrapped Dialogue dialogue, long version) {

    static DialogueResponse of(Versioned<Dialogue> versioned) {
        return new DialogueResponse(versioned.state(), versioned.version());
    }
}
