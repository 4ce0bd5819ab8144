package se.medborgarloften.reporting.situation.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static se.medborgarloften.platform.messaging.dedupe.LatestVersionWins.field;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.dialogue.DialogueEvent;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.FeedbackSnapshot;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.platform.messaging.dedupe.LatestVersionWins;
import se.medborgarloften.reporting.situation.domain.ActivityFact;
import se.medborgarloften.reporting.situation.domain.RaisedConcern;
import se.medborgarloften.reporting.situation.domain.SituationFacts;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/**
 * The situation picture's own views: the latest state of every dialogue, activity, survey and agreement, each kept by
 * aggregate version so that a redelivered or replayed event changes nothing. They are separate from the progress
 * views so that either projection can be rebuilt without the other.
 *
 * <p>Dialogues are kept without their free text (the summary and every feedback item's text): the public pictures
 * never show it, so this service does not hold it at all.
 */
@Component
public class SituationViews {

    static final String DIALOGUES = "situation_dialogues";
    static final String ACTIVITIES = "situation_activities";
    static final String SURVEYS = "situation_surveys";
    static final String AGREEMENTS = "situation_agreements";

    private final LatestVersionWins views;

    public SituationViews(LatestVersionWins views) {
        this.views = views;
    }

    public boolean apply(DialogueEvent event) {
        return views.apply(DIALOGUES, event.aggregateId(), event.aggregateVersion(), withoutText(event.dialogue()));
    }

    /** Stores each event's activity unless its view holds that or a newer version; answers the ids stored. */
    public Set<String> applyAll(Collection<ActivityEvent> events) {
        return views.applyAll(
                ACTIVITIES,
                events.stream()
                        .map(event -> new LatestVersionWins.Change(
                                event.aggregateId(), event.aggregateVersion(), ActivityFact.of(event)))
                        .toList());
    }

    public boolean apply(SurveyEvent event) {
        return views.apply(SURVEYS, event.aggregateId(), event.aggregateVersion(), event);
    }

    public boolean apply(AgreementEvent event) {
        return views.apply(AGREEMENTS, event.aggregateId(), event.aggregateVersion(), event.agreement());
    }

    public Optional<DialogueSnapshot> dialogue(String id) {
        return views.find(DIALOGUES, id, DialogueSnapshot.class);
    }

    /** The views of those of {@code ids} that are known, by id. */
    public Map<String, ActivityFact> activities(Collection<String> ids) {
        return views.findAll(ACTIVITIES, ids, ActivityFact.class);
    }

    public Optional<SurveyEvent> survey(String id) {
        return views.find(SURVEYS, id, SurveyEvent.class);
    }

    /** What a picture of {@code window} is drawn from: its concerns and those of the window before, for the trend. */
    public SituationFacts facts(String municipalityCode, SituationWindow window) {
        SituationWindow previous = window.previous();
        List<RaisedConcern> concerns = views
                .findAll(
                        DIALOGUES,
                        where(field("municipalityCode"))
                                .is(municipalityCode)
                                .and(field("heldAt"))
                                .gte(Date.from(previous.from()))
                                .lt(Date.from(window.to())),
                        DialogueSnapshot.class)
                .stream()
                .flatMap(dialogue -> RaisedConcern.of(dialogue).stream())
                .toList();
        List<ActivityFact> activities = views.findAll(
                ACTIVITIES,
                where(field("municipalityCode"))
                        .is(municipalityCode)
                        .and(field("occurredAt"))
                        .gte(Date.from(window.from()))
                        .lt(Date.from(window.to())),
                ActivityFact.class);
        List<SurveyEvent> surveys =
                views.findAll(SURVEYS, where(field("municipalityCode")).is(municipalityCode), SurveyEvent.class);
        List<AgreementSnapshot> agreements = views.findAll(
                AGREEMENTS, where(field("municipalityCode")).is(municipalityCode), AgreementSnapshot.class);
        return new SituationFacts(municipalityCode, concerns, activities, surveys, agreements);
    }

    private static DialogueSnapshot withoutText(DialogueSnapshot dialogue) {
        return new DialogueSnapshot(
                dialogue.id(),
                dialogue.municipalityCode(),
                dialogue.area(),
                dialogue.heldAt(),
                dialogue.format(),
                dialogue.organiser(),
                dialogue.targetGroup(),
                dialogue.participants(),
                null,
                dialogue.recordedAt(),
                dialogue.feedback().stream().map(SituationViews::withoutText).toList());
    }

    private static FeedbackSnapshot withoutText(FeedbackSnapshot item) {
        return new FeedbackSnapshot(
                item.id(),
                item.category(),
                item.area(),
                item.timeOfDay(),
                item.perceivedSafety(),
                item.citizenCount(),
                null,
                item.routing(),
                item.status(),
                item.promiseId(),
                item.retracted(),
                item.submittedAt());
    }
}
