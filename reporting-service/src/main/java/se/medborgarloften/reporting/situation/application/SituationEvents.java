package se.medborgarloften.reporting.situation.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.AggregateEvent;
import se.medborgarloften.contracts.CloudEvent;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.dialogue.DialogueEvent;
import se.medborgarloften.contracts.dialogue.DialogueEventTypes;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.platform.messaging.events.EventReader;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;
import se.medborgarloften.reporting.rebuild.RebuildableReadModel;
import se.medborgarloften.reporting.rebuild.SourceRecords;

/**
 * What the situation pictures are built from: the record values of the three source topics, checked for what a
 * picture needs and projected. A record that lacks it is a {@link MalformedRecordException}, bound for the DLQ.
 */
@Component
public class SituationEvents implements RebuildableReadModel {

    private final SituationProjector projector;
    private final SituationRefresher refresher;

    public SituationEvents(SituationProjector projector, SituationRefresher refresher) {
        this.projector = projector;
        this.refresher = refresher;
    }

    public void dialogueEvent(byte[] value) {
        String type = EventReader.read(value, EventHead.class).type();
        if (DialogueEventTypes.SURVEY_INDICATORS_IMPORTED.equals(type)) {
            projector.on(survey(EventReader.read(value, SurveyEvent.class)));
        } else {
            projector.on(dialogue(EventReader.read(value, DialogueEvent.class)));
        }
    }

    public void activityEvents(List<ActivityEvent> events) {
        projector.on(events);
    }

    /** An activity event with what a picture needs of it, or a {@link MalformedRecordException}. */
    public static ActivityEvent activity(byte[] value) {
        return activity(EventReader.read(value, ActivityEvent.class));
    }

    public void promiseEvent(byte[] value) {
        projector.on(agreement(EventReader.read(value, AgreementEvent.class)));
    }

    @Override
    public Map<String, SourceRecords> bySourceTopic() {
        Map<String, SourceRecords> routes = new LinkedHashMap<>();
        routes.put(Topics.PROMISE_EVENTS, SourceRecords.eachOf(this::promiseEvent));
        routes.put(Topics.ACTIVITY_EVENTS, SourceRecords.batchesOf(SituationEvents::activity, this::activityEvents));
        routes.put(Topics.DIALOGUE_EVENTS, SourceRecords.eachOf(this::dialogueEvent));
        return routes;
    }

    @Override
    public List<String> collections() {
        return List.of(
                SituationViews.DIALOGUES,
                SituationViews.ACTIVITIES,
                SituationViews.SURVEYS,
                SituationViews.AGREEMENTS,
                SituationRedraws.COLLECTION,
                SituationBook.COLLECTION);
    }

    /** The replay only marked the pictures; they are drawn before the rebuild says it is done. */
    @Override
    public void caughtUp() {
        refresher.drawMarked();
    }

    private static SurveyEvent survey(CloudEvent<SurveyEvent> event) {
        SurveyEvent data = event.data();
        require(
                data.municipalityCode() != null && data.indicators() != null,
                "survey event without municipality or indicators");
        return data;
    }

    private static DialogueEvent dialogue(CloudEvent<DialogueEvent> event) {
        var dialogue = event.data().dialogue();
        require(
                dialogue != null
                        && dialogue.municipalityCode() != null
                        && dialogue.heldAt() != null
                        && dialogue.feedback() != null
                        && dialogue.feedback().stream().allMatch(item -> item.category() != null),
                "dialogue event without its dialogue, municipality, time or feedback categories");
        return event.data();
    }

    private static ActivityEvent activity(CloudEvent<ActivityEvent> event) {
        ActivityEvent data = event.data();
        require(
                data.activityType() != null && data.municipalityCode() != null && data.occurredAt() != null,
                "activity event without type, municipality or time");
        return data;
    }

    private static AgreementEvent agreement(CloudEvent<AgreementEvent> event) {
        var agreement = event.data().agreement();
        require(
                agreement != null
                        && agreement.municipalityCode() != null
                        && agreement.validFrom() != null
                        && agreement.validTo() != null
                        && agreement.promises() != null,
                "agreement event without its agreement, municipality, validity or promises");
        return event.data();
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new MalformedRecordException(reason);
        }
    }

    /** Just enough of any event to tell its type before reading its data. */
    record EventHead(String aggregateId, long aggregateVersion) implements AggregateEvent {}
}
