package se.medborgarloften.dialogue.dialogue.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.medborgarloften.dialogue.dialogue.domain.Feedback;
import se.medborgarloften.dialogue.dialogue.domain.FeedbackCategory;
import se.medborgarloften.dialogue.dialogue.domain.FeedbackDraft;
import se.medborgarloften.dialogue.dialogue.domain.TimeOfDay;

/** A concern raised in a dialogue. The text is for the issue; personal data in it is masked before it is stored. */
record FeedbackRequest(
        @NotNull FeedbackCategory category,
        @Size(max = 200) String area,
        TimeOfDay timeOfDay,

        @Min(value = Feedback.LEAST_SAFE, message = "must be between 1 and 5")
        @Max(value = Feedback.SAFEST, message = "must be between 1 and 5")
        Integer perceivedSafety,

        @Size(max = Feedback.MAX_TEXT) String text,
        @Min(1) @Max(100_000) Integer citizenCount) {

    FeedbackDraft toDraft() {
        return new FeedbackDraft(category, area, timeOfDay, perceivedSafety, citizenCount, text);
    }
}
