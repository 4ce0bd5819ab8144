package se.medborgarloften.contracts.dialogue;

import se.medborgarloften.contracts.AggregateEvent;

/**
 * Data of every dialogue event. It carries the whole dialogue, feedback included, as it stands after the change, so a
 * consumer keeps only the latest version. Free text in it is already masked: no personal identity numbers, phone
 * numbers or e-mail addresses. It is for coordinators; public views show aggregates only, never the text.
 *
 * @param feedbackId the feedback item the change concerns; null for {@code dialogue-recorded}
 */
public record DialogueEvent(String aggregateId, long aggregateVersion, String feedbackId, DialogueSnapshot dialogue)
        implements AggregateEvent {}
