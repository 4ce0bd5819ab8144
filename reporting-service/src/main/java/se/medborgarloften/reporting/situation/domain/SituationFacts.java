package se.medborgarloften.reporting.situation.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.dialogue.SurveyIndicatorValue;
import se.medborgarloften.contracts.promise.AgreementSnapshot;

/**
 * Everything known of one municipality that a situation picture is drawn from: concerns raised (in the window and
 * the one before it, for the trend), activities, safety surveys and agreements, each as its latest event told it.
 */
public record SituationFacts(
        String municipalityCode,
        List<RaisedConcern> concerns,
        List<ActivityFact> activities,
        List<SurveyEvent> surveys,
        List<AgreementSnapshot> agreements) {

    /** Every area with something to show in {@code window}: each has a picture of its own. */
    public Set<String> areas(SituationWindow window) {
        SituationWindow previous = window.previous();
        return Stream.of(
                        concerns.stream()
                                .filter(c -> window.contains(c.raisedAt()) || previous.contains(c.raisedAt()))
                                .map(RaisedConcern::area),
                        activities.stream().filter(a -> a.doneIn(window)).map(ActivityFact::area),
                        surveys.stream()
                                .filter(s -> s.year() <= window.lastYear())
                                .flatMap(s -> s.indicators().stream())
                                .map(SurveyIndicatorValue::area))
                .flatMap(areas -> areas)
                .filter(area -> area != null && !area.isBlank())
                .collect(TreeSet::new, Set::add, Set::addAll);
    }
}
