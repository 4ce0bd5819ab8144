package se.medborgarloften.reporting.situation.domain;

import java.time.Instant;
import java.util.List;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.FeedbackSnapshot;

/**
 * A concern raised in a citizen dialogue, as the situation picture counts it: never its text.
 *
 * @param area where the concern is: the item's own area, else the dialogue's
 * @param citizens how many citizens raised it
 * @param perceivedSafety 1 (very unsafe) to 5 (very safe); null when not asked
 * @param linkedPromiseId the promise staff linked it to; null unless it is LINKED_TO_PROMISE
 * @param raisedAt when the dialogue was held
 */
public record RaisedConcern(
        String category,
        String area,
        long citizens,
        Integer perceivedSafety,
        String linkedPromiseId,
        Instant raisedAt) {

    static final String LINKED_TO_PROMISE = "LINKED_TO_PROMISE";

    /** The concerns of a dialogue that still count: a retracted item counts no more. */
    public static List<RaisedConcern> of(DialogueSnapshot dialogue) {
        return dialogue.feedback().stream()
                .filter(item -> !item.retracted())
                .map(item -> of(dialogue, item))
                .toList();
    }

    private static RaisedConcern of(DialogueSnapshot dialogue, FeedbackSnapshot item) {
        return new RaisedConcern(
                item.category(),
                item.area() == null ? dialogue.area() : item.area(),
                item.citizenCount(),
                item.perceivedSafety(),
                LINKED_TO_PROMISE.equals(item.status()) ? item.promiseId() : null,
                dialogue.heldAt().toInstant());
    }
}
