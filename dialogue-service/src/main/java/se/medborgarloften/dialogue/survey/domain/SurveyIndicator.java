package se.medborgarloften.dialogue.survey.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The questions of the police safety survey (trygghetsmätning) answered on its problem index, 0 (no problem) to 6 (a
 * very big problem). New questions are added here; consumers keep indicators they do not know.
 */
public enum SurveyIndicator {
    DRUG_DEALING_IN_PUBLIC,
    DRUG_USE_IN_PUBLIC,
    PUBLIC_DRUNKENNESS,
    DISRUPTIVE_YOUTH_GROUPS,
    FIGHTS_IN_PUBLIC,
    HARASSMENT,
    BURGLARY,
    VEHICLE_CRIME,
    VANDALISM,
    GRAFFITI,
    LITTERING,
    POOR_LIGHTING,
    RECKLESS_DRIVING,
    SPEEDING,
    FEELING_UNSAFE_OUT_LATE;

    /** The indicator a file names, in any case, with spaces or hyphens for underscores ("drug-dealing in public"). */
    public static Optional<SurveyIndicator> parse(String name) {
        String normalised = name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return Arrays.stream(values()).filter(i -> i.name().equals(normalised)).findFirst();
    }
}
