package se.medborgarloften.reporting.situation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseSnapshot;

/**
 * The "you said → we did" chain: which promises answer a concern category, and which activities were done under a
 * promise.
 *
 * <p>A promise addresses a category
 *
 * <ul>
 *   <li>by THEME, when its theme is the category itself (a future theme named LIGHTING addresses LIGHTING) or one of
 *       the themes listed for the category in {@link #THEMES}; or
 *   <li>by LINKED_FEEDBACK, when staff linked a concern of that category to it (status LINKED_TO_PROMISE), whatever
 *       its theme.
 * </ul>
 *
 * <p>The themes per category, for the themes agreements use today (NEIGHBOURHOOD_WATCH, SAFETY_WALK, DRUG_TRADE,
 * KEY_CRIMINALS, TRAFFIC):
 *
 * <ul>
 *   <li>DRUG_TRADE: DRUG_TRADE, and KEY_CRIMINALS, who run much of the open drug trade;
 *   <li>TRAFFIC: TRAFFIC;
 *   <li>VIOLENCE: KEY_CRIMINALS;
 *   <li>BURGLARY: NEIGHBOURHOOD_WATCH, neighbours watching each other's homes;
 *   <li>VANDALISM: NEIGHBOURHOOD_WATCH and SAFETY_WALK;
 *   <li>LIGHTING, LITTERING, YOUTH_GATHERING, HARASSMENT: SAFETY_WALK, the walk being where such places are found and
 *       put on someone's list;
 *   <li>OTHER: only promises a concern was linked to.
 * </ul>
 *
 * <p>An activity is done under a promise when it was reported under that promise (its {@code promiseId}), or when its
 * type is the activity type of one of the promise's commitments and it took place in the agreement's municipality
 * during the agreement's validity. Cancelled activities count for nothing.
 */
public final class YouSaidWeDid {

    public static final String BY_THEME = "THEME";
    public static final String BY_LINKED_FEEDBACK = "LINKED_FEEDBACK";

    static final Map<String, Set<String>> THEMES = Map.of(
            "DRUG_TRADE", Set.of("DRUG_TRADE", "KEY_CRIMINALS"),
            "TRAFFIC", Set.of("TRAFFIC"),
            "VIOLENCE", Set.of("KEY_CRIMINALS"),
            "BURGLARY", Set.of("NEIGHBOURHOOD_WATCH"),
            "VANDALISM", Set.of("NEIGHBOURHOOD_WATCH", "SAFETY_WALK"),
            "LIGHTING", Set.of("SAFETY_WALK"),
            "LITTERING", Set.of("SAFETY_WALK"),
            "YOUTH_GATHERING", Set.of("SAFETY_WALK"),
            "HARASSMENT", Set.of("SAFETY_WALK"));

    private YouSaidWeDid() {}

    /**
     * Why {@code promise} addresses {@code category}: THEME, LINKED_FEEDBACK, both, or empty when it does not.
     *
     * @param linkedPromiseIds the promises that concerns of the category were linked to
     */
    public static List<String> addressedBy(String category, PromiseSnapshot promise, Set<String> linkedPromiseIds) {
        List<String> reasons = new ArrayList<>();
        if (themeMatches(category, promise.theme())) {
            reasons.add(BY_THEME);
        }
        if (linkedPromiseIds.contains(promise.id())) {
            reasons.add(BY_LINKED_FEEDBACK);
        }
        return reasons;
    }

    static boolean themeMatches(String category, String theme) {
        return theme != null
                && (theme.equals(category)
                        || THEMES.getOrDefault(category, Set.of()).contains(theme));
    }

    /** Whether {@code activity} was done under {@code promise} of {@code agreement}; the window is the caller's. */
    public static boolean doneUnder(AgreementSnapshot agreement, PromiseSnapshot promise, ActivityFact activity) {
        if (activity.cancelled()) {
            return false;
        }
        if (promise.id().equals(activity.promiseId())) {
            return true;
        }
        return agreement.municipalityCode().equals(activity.municipalityCode())
                && duringValidity(agreement, activity)
                && promise.commitments().stream()
                        .map(CommitmentSnapshot::activityType)
                        .anyMatch(activity.type()::equals);
    }

    private static boolean duringValidity(AgreementSnapshot agreement, ActivityFact activity) {
        LocalDate day = activity.occurredAt().atZone(SituationWindow.ZONE).toLocalDate();
        return !day.isBefore(agreement.validFrom()) && !day.isAfter(agreement.validTo());
    }
}
