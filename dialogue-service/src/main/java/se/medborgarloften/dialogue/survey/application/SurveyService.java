package se.medborgarloften.dialogue.survey.application;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.medborgarloften.dialogue.survey.domain.IndicatorValue;
import se.medborgarloften.dialogue.survey.domain.Survey;
import se.medborgarloften.dialogue.survey.events.SurveyEventFactory;
import se.medborgarloften.platform.messaging.outbox.AggregateStore;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/** Imports of the safety survey: every accepted value of one import is stored with its one event, or none is. */
@Service
public class SurveyService {

    private final AggregateStore<Survey> surveys;
    private final SurveyEventFactory events;
    private final Clock clock;

    public SurveyService(AggregateStores stores, SurveyEventFactory events, Clock clock) {
        this.surveys = stores.store("surveys", Survey.class);
        this.events = events;
        this.clock = clock;
    }

    /** Stores the values; a second import of the same municipality and year replaces the areas it names. */
    public Versioned<Survey> importValues(String municipalityCode, int year, List<IndicatorValue> accepted) {
        String id = Survey.idOf(municipalityCode, year);
        Optional<Versioned<Survey>> existing = surveys.find(id);
        if (existing.isEmpty()) {
            Survey survey = Survey.empty(municipalityCode, year).importValues(accepted, clock.instant());
            surveys.create(id, survey, events.imported(survey, 1));
            return new Versioned<>(survey, 1);
        }
        Versioned<Survey> loaded = existing.get();
        Survey survey = loaded.state().importValues(accepted, clock.instant());
        surveys.update(id, loaded, survey, events.imported(survey, loaded.nextVersion()));
        return new Versioned<>(survey, loaded.nextVersion());
    }

    public Versioned<Survey> get(String municipalityCode, int year) {
        return surveys.find(Survey.idOf(municipalityCode, year))
                .orElseThrow(() -> new NoSuchElementException(
                        "No survey imported for municipality " + municipalityCode + " and year " + year));
    }
}
