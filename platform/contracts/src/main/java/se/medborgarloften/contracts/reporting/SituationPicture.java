package se.medborgarloften.contracts.reporting;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The local situation picture (lokal lägesbild) of a municipality, or of one area in it, for the window
 * {@code [from, to)}: what was done, what citizens said, how safe they feel, and what the survey shows. The public API
 * answers with it, and the compacted topic {@code reporting.situation-picture.v1} carries the current calendar year's
 * picture under the key {@code {municipalityCode}} or {@code {municipalityCode}:{area}}.
 *
 * <p>It holds aggregates only, never feedback text. A citizen count below {@code smallCountLimit} is suppressed: its
 * {@code citizens} is null and {@code fewerThan} says "fewer than {@code smallCountLimit}".
 *
 * @param area null for the whole municipality
 * @param from start of the window, inclusive
 * @param to end of the window, exclusive
 * @param smallCountLimit the fewest citizens a published concern count may rest on
 * @param activities activities done in the window, not cancelled, by type, most first
 * @param concerns concerns raised in dialogues held in the window, not retracted, by category, most citizens first
 * @param perceivedSafety the citizens' perceived safety (1 very unsafe to 5 very safe) and its trend
 * @param surveyIndicators the latest survey value of each area and indicator from a survey year not after the window
 * @param youSaidWeDid for each concern category raised, the promises that address it and what was done under them
 * @param asOf when the picture was computed
 */
public record SituationPicture(
        String municipalityCode,
        String area,
        OffsetDateTime from,
        OffsetDateTime to,
        int smallCountLimit,
        List<ActivityCount> activities,
        List<Concern> concerns,
        PerceivedSafety perceivedSafety,
        List<SurveyValue> surveyIndicators,
        List<ConcernResponse> youSaidWeDid,
        OffsetDateTime asOf) {

    /** The topic key of a picture: the municipality code, or {@code {code}:{area}} for one area. */
    public static String key(String municipalityCode, String area) {
        return area == null ? municipalityCode : municipalityCode + ":" + area;
    }

    /** How many activities of a type were done, in all and per area. */
    public record ActivityCount(String type, long count, List<AreaCount> areas) {}

    public record AreaCount(String area, long count) {}

    /**
     * How many citizens raised concerns of a category, in all and per area.
     *
     * @param citizens null when suppressed
     * @param fewerThan the small-count limit when suppressed, else null
     */
    public record Concern(String category, Long citizens, Integer fewerThan, List<AreaConcern> areas) {}

    /**
     * @param citizens null when suppressed
     * @param fewerThan the small-count limit when suppressed, else null
     */
    public record AreaConcern(String area, Long citizens, Integer fewerThan) {}

    /**
     * The mean of the perceived-safety scores given in the window, one answer per feedback item that has a score.
     *
     * @param mean rounded to two decimals; null when there are fewer answers than the small-count limit
     * @param fewerThan the small-count limit when the mean is withheld, else null
     */
    public record PerceivedSafety(BigDecimal mean, long answers, Integer fewerThan, SafetyTrend trend) {}

    /**
     * Perceived safety in the previous window of the same length, and the change since.
     *
     * @param change {@code mean - previousMean}; null unless both means are shown
     * @param direction IMPROVING (safer), WORSENING, UNCHANGED, or UNKNOWN when either mean is withheld
     */
    public record SafetyTrend(
            OffsetDateTime previousFrom,
            OffsetDateTime previousTo,
            BigDecimal previousMean,
            long previousAnswers,
            BigDecimal change,
            String direction) {}

    /** A safety-survey indicator on its problem index, 0 (no problem) to 6 (a very big problem). */
    public record SurveyValue(String area, String indicator, BigDecimal value, int year) {}

    /** "You said → we did": a concern category with the promises that address it. */
    public record ConcernResponse(String category, Long citizens, Integer fewerThan, List<PromiseResponse> promises) {}

    /**
     * A promise that addresses a concern, with the activities done under it in the window.
     *
     * @param addressedBy THEME when its theme matches the category, LINKED_FEEDBACK when a concern of the category
     *     was linked to it, or both
     * @param latestAssessment the latest assessment of an ongoing-work promise (FULFILLED, PARTLY_FULFILLED,
     *     NOT_FULFILLED); null when none
     */
    public record PromiseResponse(
            String promiseId,
            String agreementId,
            String title,
            String theme,
            String party,
            List<String> addressedBy,
            String latestAssessment,
            long activitiesDone,
            List<TypeCount> activities) {}

    public record TypeCount(String type, long count) {}
}
