package se.medborgarloften.reporting.situation.application;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.dialogue.DialogueEvent;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.FeedbackSnapshot;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.dialogue.SurveyIndicatorValue;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.reporting.situation.domain.ActivityFact;
import se.medborgarloften.reporting.situation.domain.SituationFacts;
import se.medborgarloften.reporting.situation.domain.SituationPictures;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/**
 * Keeps the published situation pictures in step with the events. The published picture of a key is that of the
 * current calendar year in Stockholm time: the municipality's under its code, each area's under {@code {code}:{area}}.
 *
 * <p>An event refreshes its municipality's picture and those of the areas it touches, before and after the change (a
 * corrected activity moved to another area leaves the old area's picture too). An agreement touches every area,
 * since its promises answer concerns everywhere. Each picture is redrawn in full from the views, so events may
 * arrive in any order and any number of times.
 */
@Service
public class SituationProjector {

    private final SituationViews views;
    private final SituationBook book;
    private final Clock clock;

    public SituationProjector(SituationViews views, SituationBook book, Clock clock) {
        this.views = views;
        this.book = book;
        this.clock = clock;
    }

    public void on(DialogueEvent event) {
        Optional<DialogueSnapshot> before = views.dialogue(event.aggregateId());
        views.apply(event);
        Touched touched = new Touched();
        before.ifPresent(touched::add);
        touched.add(event.dialogue());
        touched.refresh();
    }

    public void on(ActivityEvent event) {
        Optional<ActivityFact> before = views.activity(event.aggregateId());
        views.apply(event);
        Touched touched = new Touched();
        before.ifPresent(touched::add);
        touched.add(ActivityFact.of(event));
        touched.refresh();
    }

    public void on(SurveyEvent event) {
        Optional<SurveyEvent> before = views.survey(event.aggregateId());
        views.apply(event);
        Touched touched = new Touched();
        before.ifPresent(touched::add);
        touched.add(event);
        touched.refresh();
    }

    public void on(AgreementEvent event) {
        views.apply(event);
        refreshEveryArea(event.agreement().municipalityCode());
    }

    /** Redraws every published picture: the current year moves on at midnight on New Year's Eve. */
    public void refreshAll() {
        book.municipalities().forEach(this::refreshEveryArea);
    }

    private void refreshEveryArea(String municipalityCode) {
        SituationWindow window = currentYear();
        Set<String> areas = new TreeSet<>(book.publishedAreas(municipalityCode));
        areas.addAll(views.facts(municipalityCode, window).areas(window));
        refresh(municipalityCode, areas);
    }

    private void refresh(String municipalityCode, Set<String> areas) {
        SituationWindow window = currentYear();
        Map<String, Optional<String>> scopes = new LinkedHashMap<>();
        scopes.put(SituationPicture.key(municipalityCode, null), Optional.empty());
        areas.forEach(area -> scopes.put(SituationPicture.key(municipalityCode, area), Optional.of(area)));
        book.record(scopes.keySet(), keys -> draw(municipalityCode, window, keys, scopes));
    }

    private Map<String, SituationPicture> draw(
            String municipalityCode,
            SituationWindow window,
            Collection<String> keys,
            Map<String, Optional<String>> scopes) {
        SituationFacts facts = views.facts(municipalityCode, window);
        Map<String, SituationPicture> pictures = new LinkedHashMap<>();
        keys.forEach(key -> pictures.put(key, SituationPictures.of(facts, scopes.get(key), window, clock.instant())));
        return pictures;
    }

    private SituationWindow currentYear() {
        return SituationWindow.yearOf(clock.instant());
    }

    /** The municipalities and areas an event touched, before and after its change. */
    private final class Touched {

        private final Map<String, Set<String>> areasByMunicipality = new LinkedHashMap<>();

        void add(DialogueSnapshot dialogue) {
            add(
                    dialogue.municipalityCode(),
                    Stream.concat(
                            Stream.of(dialogue.area()),
                            dialogue.feedback().stream().map(FeedbackSnapshot::area)));
        }

        void add(ActivityFact activity) {
            add(activity.municipalityCode(), Stream.of(activity.area()));
        }

        void add(SurveyEvent survey) {
            add(survey.municipalityCode(), survey.indicators().stream().map(SurveyIndicatorValue::area));
        }

        private void add(String municipalityCode, Stream<String> areas) {
            Set<String> known = areasByMunicipality.computeIfAbsent(municipalityCode, code -> new TreeSet<>());
            areas.filter(Objects::nonNull).filter(area -> !area.isBlank()).forEach(known::add);
        }

        void refresh() {
            areasByMunicipality.forEach(SituationProjector.this::refresh);
        }
    }
}
