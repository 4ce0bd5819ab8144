package se.medborgarloften.dialogue.survey.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One indicator of one area on the survey's problem index, 0 (no problem) to 6 (a very big problem). */
public record IndicatorValue(String area, SurveyIndicator indicator, BigDecimal value) {

    public static final BigDecimal LOWEST = BigDecimal.ZERO;
    public static final BigDecimal HIGHEST = BigDecimal.valueOf(6);
    public static final int MAX_AREA_LENGTH = 200;

    public IndicatorValue {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(value, "value");
        if (area == null || area.isBlank()) {
            throw new IllegalArgumentException("area is blank");
        }
        if (area.length() > MAX_AREA_LENGTH) {
            throw new IllegalArgumentException("area is longer than " + MAX_AREA_LENGTH + " characters");
        }
        if (value.compareTo(LOWEST) < 0 || value.compareTo(HIGHEST) > 0) {
            throw new IllegalArgumentException(
                    "value " + value.toPlainString() + " is outside the problem index 0 to 6");
        }
        area = area.strip();
        value = value.stripTrailingZeros();
    }
}
