package se.medborgarloften.dialogue.survey.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The safety survey of one municipality and year: one value per area and indicator. It is one aggregate so that an
 * import is stored whole or not at all.
 */
public record Survey(String id, String municipalityCode, int year, List<IndicatorValue> values, Instant importedAt) {

    public static final int EARLIEST_YEAR = 2000;
    public static final int LATEST_YEAR = 2100;

    private static final Comparator<IndicatorValue> BY_AREA_AND_INDICATOR =
            Comparator.comparing(IndicatorValue::area).thenComparing(IndicatorValue::indicator);

    public Survey {
        if (municipalityCode == null || !municipalityCode.matches("\\d{4}")) {
            throw new IllegalArgumentException("municipalityCode must be four digits");
        }
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw new IllegalArgumentException("year must be between " + EARLIEST_YEAR + " and " + LATEST_YEAR);
        }
        values = values == null
                ? List.of()
                : values.stream().sorted(BY_AREA_AND_INDICATOR).toList();
    }

    public static String idOf(String municipalityCode, int year) {
        return "survey-" + municipalityCode + "-" + year;
    }

    public static Survey empty(String municipalityCode, int year) {
        return new Survey(idOf(municipalityCode, year), municipalityCode, year, List.of(), null);
    }

    /**
     * Takes an import's values. A survey is reported area by area, so an import replaces everything of the areas it
     * names (a corrected area loses the indicators the correction left out) and keeps the areas it does not name.
     */
    public Survey importValues(List<IndicatorValue> imported, Instant now) {
        if (imported.isEmpty()) {
            throw new IllegalArgumentException("an import without values changes nothing");
        }
        long distinct = imported.stream()
                .map(v -> v.area() + "\n" + v.indicator())
                .distinct()
                .count();
        if (distinct != imported.size()) {
            throw new IllegalArgumentException("an import names each area and indicator once");
        }
        Set<String> areas = imported.stream().map(IndicatorValue::area).collect(Collectors.toSet());
        List<IndicatorValue> kept =
                values.stream().filter(v -> !areas.contains(v.area())).toList();
        return new Survey(
                id,
                municipalityCode,
                year,
                Stream.concat(kept.stream(), imported.stream()).toList(),
                now);
    }
}
