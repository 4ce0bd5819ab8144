package se.medborgarloften.dialogue.survey.events;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.dialogue.DialogueEventTypes;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.dialogue.SurveyIndicatorValue;
import se.medborgarloften.dialogue.survey.domain.Survey;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.outbox.OutboxMessage;

/** Writes an import as the survey event on {@code dialogue.events.v1}, with every value of the survey in it. */
@Component
public class SurveyEventFactory {

    private final DomainEvents events;

    public SurveyEventFactory(Clock clock) {
        this.events = new DomainEvents(Topics.DIALOGUE_EVENTS, DialogueEventTypes.SOURCE, clock);
    }

    public OutboxMessage imported(Survey survey, long version) {
        return events.event(
                DialogueEventTypes.SURVEY_INDICATORS_IMPORTED,
                new SurveyEvent(
                        survey.id(),
                        version,
                        survey.municipalityCode(),
                        survey.year(),
                        survey.values().stream()
                                .map(v -> new SurveyIndicatorValue(
                                        v.area(), v.indicator().name(), v.value()))
                                .toList(),
                        survey.importedAt().atOffset(ZoneOffset.UTC)));
    }
}
