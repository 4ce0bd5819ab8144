package se.medborgarloften.activity.activity.domain;

import java.util.Map;
import se.medborgarloften.contracts.activity.ActivityType;

/**
 * A traffic control and what it found. {@code kind}, {@code targeted}, {@code vehiclesChecked} and {@code violations}
 * are always known: commitments count targeted controls and follow-up reports the counts.
 */
public record TrafficControlDetails(
        Kind kind,
        Boolean targeted,
        Integer vehiclesChecked,
        Integer violations,
        Integer breathTests,
        Integer positiveBreathTests,
        Map<String, Integer> finesByReason,
        Integer vehiclesSeized,
        String unit,
        Location location)
        implements ActivityDetails {

    public enum Kind {
        SPEED,
        SOBRIETY,
        HEAVY_VEHICLES,
        GENERAL
    }

    /** Where the control stood; coordinates in WGS 84, both or neither. */
    public record Location(String name, Double lat, Double lon) {}

    public TrafficControlDetails {
        finesByReason = finesByReason == null ? null : Map.copyOf(finesByReason);
    }

    @Override
    public ActivityType type() {
        return ActivityType.TRAFFIC_CONTROL;
    }

    @Override
    public void check(Violations violations) {
        violations.required(kind, "kind");
        violations.required(targeted, "targeted");
        violations.requiredCount(vehiclesChecked, "vehiclesChecked");
        violations.requiredCount(this.violations, "violations");
        violations.count(breathTests, "breathTests");
        violations.count(positiveBreathTests, "positiveBreathTests");
        violations.check(
                positiveBreathTests == null || breathTests != null && positiveBreathTests <= breathTests,
                "positiveBreathTests",
                "must not be more than breathTests");
        violations.count(vehiclesSeized, "vehiclesSeized");
        violations.text(unit, "unit", 200);
        if (finesByReason != null) {
            finesByReason.forEach((reason, fines) -> {
                String field = "finesByReason." + reason;
                // Reasons become keys of a stored document, where '.' and a leading '$' mean something else.
                violations.check(
                        !reason.isBlank() && reason.length() <= 100 && !reason.contains(".") && !reason.startsWith("$"),
                        "finesByReason",
                        "reasons must be 1-100 characters without '.' or a leading '$'");
                violations.requiredCount(fines, field);
            });
        }
        if (location != null) {
            Violations at = violations.at("location");
            at.requiredText(location.name(), "name", 200);
            at.check((location.lat() == null) == (location.lon() == null), "lat", "lat and lon go together");
            at.check(location.lat() == null || Math.abs(location.lat()) <= 90, "lat", "must be between -90 and 90");
            at.check(location.lon() == null || Math.abs(location.lon()) <= 180, "lon", "must be between -180 and 180");
        }
    }
}
