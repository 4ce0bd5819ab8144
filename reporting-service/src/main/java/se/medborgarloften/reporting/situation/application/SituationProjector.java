package se.medborgarloften.reporting.situation.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
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
import se.medborgarloften.reporting.situation.domain.ActivityFact;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/**
 * Keeps the published situation pictures in step with the events. The published picture of a key is that of the
 * current calendar year in Stockholm time: the municipality's under its code, each area's under {@code {code}:{area}}.
 *
 * <p>An event is stored in its view, then marks for a redraw ({@link SituationRedraws}) its municipality's picture
 * and those of the areas it touches, before and after the change (a corrected activity moved to another area leaves
 * the old area's picture too); {@link SituationRefresher} draws them. An agreement touches every area, since its
 * promises answer concerns everywhere. Each picture is redrawn in full from the views, so events may arrive in any
 * order and any number of times.
 *
 * <p>An activity or dialogue that lies, before and after the change, earlier than anything a picture shows touches
 * no picture: activities count in the current year only, concerns in it and in the year before, for the trend. Only
 * earlier, not later: a municipality with nothing but next year's events must have a picture for the year turn's
 * refresh to find.
 *
 * <p>An event whose view was not stored (a redelivery, or one older than its view) marks every area: the attempt that
 * stored it may have died before marking, and what the view was before it is no longer known.
 */
@Service
public class SituationProjector {

    private final SituationViews views;
    private final SituationRedraws redraws;
    private final SituationBook book;
    private final Clock clock;

    public SituationProjector(SituationViews views, SituationRedraws redraws, SituationBook book, Clock clock) {
        this.views = views;
        this.redraws = redraws;
        this.book = book;
        this.clock = clock;
    }

    public void on(DialogueEvent event) {
        Optional<DialogueSnapshot> before = views.dialogue(event.aggregateId());
        Touched touched = new Touched(views.apply(event));
        before.ifPresent(touched::add);
        touched.add(event.dialogue());
        touched.mark();
    }

    public void on(ActivityEvent event) {
        on(List.of(event));
    }

    /**
     * A batch of activity events as one: per activity its newest event, the views read and stored in one round trip
     * each, and each municipality marked once for all that its events touched.
     */
    public void on(List<ActivityEvent> events) {
        Map<String, ActivityFact> before =
                views.activities(events.stream().map(ActivityEvent::aggregateId).toList());
        Set<String> stored = views.applyAll(events);
        Marks marks = new Marks();
        for (ActivityEvent event : events) {
            Touched touched = new Touched(stored.contains(event.aggregateId()));
            Optional.ofNullable(before.get(event.aggregateId())).ifPresent(touched::add);
            touched.add(ActivityFact.of(event));
            touched.markIn(marks);
        }
        marks.mark();
    }

    public void on(SurveyEvent event) {
        Optional<SurveyEvent> before = views.survey(event.aggregateId());
        Touched touched = new Touched(views.apply(event));
        before.ifPresent(touched::add);
        touched.add(event);
        touched.mark();
    }

    public void on(AgreementEvent event) {
        views.apply(event);
        redraws.markEveryArea(event.agreement().municipalityCode());
    }

    /** Marks every published picture: the current year moves on at midnight on New Year's Eve. */
    public void refreshAll() {
        book.municipalities().forEach(redraws::markEveryArea);
    }

    /** The municipalities and areas an event touched, before and after its change. */
    private final class Touched {

        private final boolean stored;
        private final SituationWindow currentYear = SituationWindow.yearOf(clock.instant());
        private final Map<String, Set<String>> areasByMunicipality = new LinkedHashMap<>();
        /** Whether anything added counts in this year's pictures, or may in a later year's. */
        private boolean shown;

        Touched(boolean stored) {
            this.stored = stored;
        }

        void add(DialogueSnapshot dialogue) {
            shown |= !dialogue.heldAt()
                    .toInstant()
                    .isBefore(currentYear.previous().from());
            add(
                    dialogue.municipalityCode(),
                    Stream.concat(
                            Stream.of(dialogue.area()),
                            dialogue.feedback().stream().map(FeedbackSnapshot::area)));
        }

        void add(ActivityFact activity) {
            shown |= !activity.occurredAt().isBefore(currentYear.from());
            add(activity.municipalityCode(), Stream.of(activity.area()));
        }

        /** An old year's survey value shows until a later year's replaces it; surveys are rare: always marked. */
        void add(SurveyEvent survey) {
            shown = true;
            add(survey.municipalityCode(), survey.indicators().stream().map(SurveyIndicatorValue::area));
        }

        private void add(String municipalityCode, Stream<String> areas) {
            Set<String> known = areasByMunicipality.computeIfAbsent(municipalityCode, code -> new TreeSet<>());
            areas.filter(Objects::nonNull).filter(area -> !area.isBlank()).forEach(known::add);
        }

        void mark() {
            Marks marks = new Marks();
            markIn(marks);
            marks.mark();
        }

        void markIn(Marks marks) {
            if (!stored) {
                marks.everyArea.addAll(areasByMunicipality.keySet());
            } else if (shown) {
                areasByMunicipality.forEach((code, areas) ->
                        marks.areas.computeIfAbsent(code, c -> new TreeSet<>()).addAll(areas));
            }
        }
    }

    /** What a batch of events touched, marked once per municipality. */
    private final class Marks {

        private final Set<String> everyArea = new TreeSet<>();
        private final Map<String, Set<String>> areas = new LinkedHashMap<>();

        void mark() {
            everyArea.forEach(redraws::markEveryArea);
            areas.forEach((code, touched) -> {
                if (!everyArea.contains(code)) {
                    redraws.mark(code, touched);
                }
            });
        }
    }
}
