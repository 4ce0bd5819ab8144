package se.medborgarloften.reporting.situation.domain;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.AssessmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.contracts.reporting.SituationPicture.ActivityCount;
import se.medborgarloften.contracts.reporting.SituationPicture.AreaConcern;
import se.medborgarloften.contracts.reporting.SituationPicture.AreaCount;
import se.medborgarloften.contracts.reporting.SituationPicture.Concern;
import se.medborgarloften.contracts.reporting.SituationPicture.ConcernResponse;
import se.medborgarloften.contracts.reporting.SituationPicture.PromiseResponse;
import se.medborgarloften.contracts.reporting.SituationPicture.SurveyValue;
import se.medborgarloften.contracts.reporting.SituationPicture.TypeCount;

/**
 * Draws the situation picture of a municipality, or of one area of it, for a window.
 *
 * <p>An area's picture is the municipality's picture cut to what happened in that area (areas are matched by their
 * exact name): its activities, its concerns, its scores, its survey values, and in the chain the promises for the
 * whole municipality or for that area, with the activities done under them in that area. Small counts are judged
 * across the whole municipality (see {@link SmallCounts}), so a count withheld in one picture is withheld in all.
 * Concerns count in the window their dialogue was held in; activities in the window they took place in.
 */
public final class SituationPictures {

    private static final Set<String> SIGNED = Set.of("AGREED", "CLOSED");

    private SituationPictures() {}

    public static SituationPicture of(
            SituationFacts facts, Optional<String> area, SituationWindow window, Instant asOf) {
        Predicate<String> inScope = place -> area.isEmpty() || area.get().equals(place);
        List<RaisedConcern> raised = raisedIn(facts, window);
        Map<String, Set<String>> suppressed = suppressedAreasByCategory(raised);
        List<RaisedConcern> concerns =
                raised.stream().filter(c -> inScope.test(c.area())).toList();
        SituationWindow previous = window.previous();
        List<RaisedConcern> before = raisedIn(facts, previous).stream()
                .filter(c -> inScope.test(c.area()))
                .toList();
        List<ActivityFact> activities = facts.activities().stream()
                .filter(a -> a.doneIn(window) && inScope.test(a.area()))
                .toList();
        List<Concern> byCategory = concerns(concerns, suppressed, area.isPresent());
        return new SituationPicture(
                facts.municipalityCode(),
                area.orElse(null),
                SituationWindow.local(window.from()),
                SituationWindow.local(window.to()),
                SmallCounts.LIMIT,
                activityCounts(activities),
                byCategory,
                PerceivedSafetyRule.of(concerns, before, previous),
                surveyValues(facts.surveys(), inScope, window),
                youSaidWeDid(facts, area, window, byCategory, concerns, activities),
                SituationWindow.local(asOf));
    }

    private static List<RaisedConcern> raisedIn(SituationFacts facts, SituationWindow window) {
        return facts.concerns().stream()
                .filter(c -> window.contains(c.raisedAt()))
                .toList();
    }

    private static Map<String, Set<String>> suppressedAreasByCategory(List<RaisedConcern> raised) {
        return raised.stream()
                .collect(groupingBy(
                        RaisedConcern::category,
                        Collectors.collectingAndThen(
                                groupingBy(RaisedConcern::area, summingLong(RaisedConcern::citizens)),
                                SmallCounts::suppressedAreas)));
    }

    private static List<ActivityCount> activityCounts(List<ActivityFact> activities) {
        return activities.stream().collect(groupingBy(ActivityFact::type)).entrySet().stream()
                .map(type -> new ActivityCount(type.getKey(), type.getValue().size(), areaCounts(type.getValue())))
                .sorted(mostFirst(ActivityCount::count, ActivityCount::type))
                .toList();
    }

    private static List<AreaCount> areaCounts(List<ActivityFact> activities) {
        return activities.stream().collect(groupingBy(ActivityFact::area, counting())).entrySet().stream()
                .map(area -> new AreaCount(area.getKey(), area.getValue()))
                .sorted(mostFirst(AreaCount::count, AreaCount::area))
                .toList();
    }

    private static List<TypeCount> typeCounts(List<ActivityFact> activities) {
        return activities.stream().collect(groupingBy(ActivityFact::type, counting())).entrySet().stream()
                .map(type -> new TypeCount(type.getKey(), type.getValue()))
                .sorted(mostFirst(TypeCount::count, TypeCount::type))
                .toList();
    }

    private static List<Concern> concerns(
            List<RaisedConcern> concerns, Map<String, Set<String>> suppressed, boolean oneArea) {
        return concerns.stream().collect(groupingBy(RaisedConcern::category)).entrySet().stream()
                .map(category -> concern(category.getKey(), category.getValue(), suppressed, oneArea))
                .sorted(SmallCounts.publicOrder(Concern::citizens, Concern::category))
                .toList();
    }

    private static Concern concern(
            String category, List<RaisedConcern> raised, Map<String, Set<String>> suppressed, boolean oneArea) {
        Set<String> withheld = suppressed.getOrDefault(category, Set.of());
        List<AreaConcern> areas = raised.stream()
                .collect(groupingBy(RaisedConcern::area, summingLong(RaisedConcern::citizens)))
                .entrySet()
                .stream()
                .map(area -> withheld.contains(area.getKey())
                        ? new AreaConcern(area.getKey(), null, SmallCounts.LIMIT)
                        : new AreaConcern(area.getKey(), area.getValue(), null))
                .sorted(SmallCounts.publicOrder(AreaConcern::citizens, AreaConcern::area))
                .toList();
        long total = raised.stream().mapToLong(RaisedConcern::citizens).sum();
        boolean shown = oneArea ? areas.get(0).citizens() != null : SmallCounts.shown(total);
        return shown
                ? new Concern(category, total, null, areas)
                : new Concern(category, null, SmallCounts.LIMIT, areas);
    }

    /** Per area and indicator, the value of the latest survey year not after the window. */
    private static List<SurveyValue> surveyValues(
            List<SurveyEvent> surveys, Predicate<String> inScope, SituationWindow window) {
        record Key(String area, String indicator) {}
        return surveys.stream()
                .filter(survey -> survey.year() <= window.lastYear())
                .flatMap(survey -> survey.indicators().stream()
                        .filter(value -> inScope.test(value.area()))
                        .map(value -> new SurveyValue(value.area(), value.indicator(), value.value(), survey.year())))
                .collect(Collectors.toMap(
                        value -> new Key(value.area(), value.indicator()),
                        Function.identity(),
                        (a, b) -> a.year() >= b.year() ? a : b))
                .values()
                .stream()
                .sorted(Comparator.comparing(SurveyValue::area).thenComparing(SurveyValue::indicator))
                .toList();
    }

    private static List<ConcernResponse> youSaidWeDid(
            SituationFacts facts,
            Optional<String> area,
            SituationWindow window,
            List<Concern> byCategory,
            List<RaisedConcern> concerns,
            List<ActivityFact> activities) {
        List<AgreementSnapshot> signed = facts.agreements().stream()
                .filter(agreement -> SIGNED.contains(agreement.status()))
                .sorted(Comparator.comparing(AgreementSnapshot::year).thenComparing(AgreementSnapshot::id))
                .toList();
        return byCategory.stream()
                .map(concern -> {
                    Set<String> linked = linkedPromises(concerns, concern.category());
                    List<PromiseResponse> promises = signed.stream()
                            .flatMap(agreement -> agreement.promises().stream()
                                    .flatMap(
                                            promise -> response(
                                                    agreement,
                                                    promise,
                                                    concern.category(),
                                                    linked,
                                                    area,
                                                    window,
                                                    activities)
                                                    .stream()))
                            .toList();
                    return new ConcernResponse(concern.category(), concern.citizens(), concern.fewerThan(), promises);
                })
                .toList();
    }

    private static Set<String> linkedPromises(List<RaisedConcern> concerns, String category) {
        return concerns.stream()
                .filter(concern -> concern.category().equals(category))
                .map(RaisedConcern::linkedPromiseId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /**
     * The promise as an answer to the category, if it is one: a promise addresses it by theme when its agreement is
     * valid in the window and it covers the area, and by link whatever its agreement's years and area.
     */
    private static Optional<PromiseResponse> response(
            AgreementSnapshot agreement,
            PromiseSnapshot promise,
            String category,
            Set<String> linked,
            Optional<String> area,
            SituationWindow window,
            List<ActivityFact> activities) {
        List<String> reasons = YouSaidWeDid.addressedBy(category, promise, linked);
        boolean byTheme = reasons.contains(YouSaidWeDid.BY_THEME)
                && validIn(agreement, window)
                && (promise.area() == null || area.isEmpty() || area.get().equals(promise.area()));
        if (!byTheme && !reasons.contains(YouSaidWeDid.BY_LINKED_FEEDBACK)) {
            return Optional.empty();
        }
        List<ActivityFact> done = activities.stream()
                .filter(activity -> YouSaidWeDid.doneUnder(agreement, promise, activity))
                .toList();
        return Optional.of(new PromiseResponse(
                promise.id(),
                agreement.id(),
                promise.title(),
                promise.theme(),
                promise.party(),
                byTheme ? reasons : List.of(YouSaidWeDid.BY_LINKED_FEEDBACK),
                latestAssessment(promise),
                done.size(),
                typeCounts(done)));
    }

    private static boolean validIn(AgreementSnapshot agreement, SituationWindow window) {
        return SituationWindow.startOfDay(agreement.validFrom()).isBefore(window.to())
                && SituationWindow.startOfDay(agreement.validTo().plusDays(1)).isAfter(window.from());
    }

    private static String latestAssessment(PromiseSnapshot promise) {
        return promise.assessments().stream()
                .max(Comparator.comparing(AssessmentSnapshot::assessedAt))
                .map(AssessmentSnapshot::assessment)
                .orElse(null);
    }

    private static <T> Comparator<T> mostFirst(Function<T, Long> count, Function<T, String> name) {
        return Comparator.comparing(count, Comparator.reverseOrder()).thenComparing(name);
    }
}
