package se.medborgarloften.contracts.dialogue;

import java.math.BigDecimal;

/**
 * One indicator of one area on the survey's problem index: 0 (no problem) to 6 (a very big problem).
 *
 * @param indicator e.g. DRUG_DEALING_IN_PUBLIC, LITTERING, RECKLESS_DRIVING, FEELING_UNSAFE_OUT_LATE; the list can
 *     grow, so a consumer keeps values of indicators it does not know
 */
public record SurveyIndicatorValue(String area, String indicator, BigDecimal value) {}
