package se.medborgarloften.dialogue.dialogue.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import se.medborgarloften.dialogue.dialogue.domain.DialogueDraft;
import se.medborgarloften.dialogue.dialogue.domain.DialogueFormat;
import se.medborgarloften.dialogue.dialogue.domain.Organiser;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A dialogue that was held; {@code heldAt} must carry its offset (2021-03-04T18:00:00+01:00 or ...Z). */
record DialogueRequest(
        @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
        String municipalityCode,

        @NotBlank @Size(max = 200) String area,

        @NotNull @AtMostADayAhead @JsonDeserialize(using = OffsetRequiredDeserializer.class)
        OffsetDateTime heldAt,

        @NotNull DialogueFormat format,
        @NotNull Organiser organiser,
        @Size(max = 200) String targetGroup,
        @NotNull @Min(0) @Max(100_000) Integer participants,
        @Size(max = 4000) String summary) {

    DialogueDraft toDraft() {
        return new DialogueDraft(
                municipalityCode, area, heldAt.toInstant(), format, organiser, targetGroup, participants, summary);
    }
}
