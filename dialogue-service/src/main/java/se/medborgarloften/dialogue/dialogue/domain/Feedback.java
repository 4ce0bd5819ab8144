package se.medborgarloften.dialogue.dialogue.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One concern raised in a dialogue. Its text is masked on construction, so no instance ever holds personal data. A
 * retracted item keeps its place (it was raised) but loses its text and no longer moves.
 *
 * @param perceivedSafety 1 (very unsafe) to 5 (very safe), null when not asked
 * @param routing null until routed
 * @param promiseId set when linked to a promise
 */
public record Feedback(
        String id,
        FeedbackCategory category,
        String area,
        TimeOfDay timeOfDay,
        Integer perceivedSafety,
        int citizenCount,
        String text,
        Routing routing,
        ReplyStatus status,
        String promiseId,
        boolean retracted,
        Instant submittedAt) {

    public static final int LEAST_SAFE = 1;
    public static final int SAFEST = 5;
    /** Room for a concern in the citizen's own words; a dialogue's summary has the same. */
    public static final int MAX_TEXT = 4000;

    public Feedback {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (perceivedSafety != null && (perceivedSafety < LEAST_SAFE || perceivedSafety > SAFEST)) {
            throw new IllegalArgumentException("perceivedSafety must be between " + LEAST_SAFE + " and " + SAFEST);
        }
        if (citizenCount < 1) {
            throw new IllegalArgumentException("citizenCount must be at least 1");
        }
        area = PersonalDataMasker.mask(area);
        text = PersonalDataMasker.mask(text);
    }

    static Feedback raised(String id, FeedbackDraft draft, String dialogueArea, Instant now) {
        String area = draft.area() == null || draft.area().isBlank()
                ? dialogueArea
                : draft.area().strip();
        int citizens = draft.citizenCount() == null ? 1 : draft.citizenCount();
        return new Feedback(
                id,
                draft.category(),
                area,
                draft.timeOfDay(),
                draft.perceivedSafety(),
                citizens,
                blankToNull(draft.text()),
                null,
                ReplyStatus.NEW,
                null,
                false,
                now);
    }

    /** Someone is to act on it; a concern already linked to a promise keeps that status. */
    Feedback routedTo(Routing to) {
        requireActive("routed");
        ReplyStatus next = status == ReplyStatus.NEW ? ReplyStatus.ROUTED : status;
        return with(text, to, next, promiseId, false);
    }

    Feedback linkedTo(String promise) {
        requireActive("linked");
        return with(text, routing, ReplyStatus.LINKED_TO_PROMISE, promise, false);
    }

    Feedback retract() {
        requireActive("retracted");
        return with(null, routing, status, promiseId, true);
    }

    /** This item with its reply state changed; what the citizen raised stays as it was. */
    private Feedback with(
            String newText, Routing newRouting, ReplyStatus newStatus, String newPromiseId, boolean nowRetracted) {
        return new Feedback(
                id,
                category,
                area,
                timeOfDay,
                perceivedSafety,
                citizenCount,
                newText,
                newRouting,
                newStatus,
                newPromiseId,
                nowRetracted,
                submittedAt);
    }

    private void requireActive(String step) {
        if (retracted) {
            throw new IllegalStateException("Feedback " + id + " is retracted and cannot be " + step);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
