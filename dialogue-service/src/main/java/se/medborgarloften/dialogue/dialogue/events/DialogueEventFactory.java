package se.medborgarloften.dialogue.dialogue.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.dialogue.DialogueEvent;
import se.medborgarloften.contracts.dialogue.DialogueEventTypes;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.FeedbackSnapshot;
import se.medborgarloften.dialogue.dialogue.domain.Dialogue;
import se.medborgarloften.dialogue.dialogue.domain.Feedback;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.outbox.OutboxMessage;

/**
 * Writes a dialogue change as the event on {@code dialogue.events.v1}, with the whole dialogue in it. The dialogue's
 * text is masked by construction, so nothing here can publish personal data.
 */
@Component
public class DialogueEventFactory {

    private final DomainEvents events;

    public DialogueEventFactory(Clock clock) {
        this.events = new DomainEvents(Topics.DIALOGUE_EVENTS, DialogueEventTypes.SOURCE, clock);
    }

    public OutboxMessage event(String type, Dialogue dialogue, long version, String feedbackId) {
        return events.event(type, new DialogueEvent(dialogue.id(), version, feedbackId, snapshot(dialogue)));
    }

    static DialogueSnapshot snapshot(Dialogue dialogue) {
        return new DialogueSnapshot(
                dialogue.id(),
                dialogue.municipalityCode(),
                dialogue.area(),
                utc(dialogue.heldAt()),
                dialogue.format().name(),
                dialogue.organiser().name(),
                dialogue.targetGroup(),
                dialogue.participants(),
                dialogue.summary(),
                utc(dialogue.recordedAt()),
                dialogue.feedback().stream().map(DialogueEventFactory::snapshot).toList());
    }

    private static FeedbackSnapshot snapshot(Feedback item) {
        return new FeedbackSnapshot(
                item.id(),
                item.category().name(),
                item.area(),
                item.timeOfDay() == null ? null : item.timeOfDay().name(),
                item.perceivedSafety(),
                item.citizenCount(),
                item.text(),
                item.routing() == null ? null : item.routing().name(),
                item.status().name(),
                item.promiseId(),
                item.retracted(),
                utc(item.submittedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
