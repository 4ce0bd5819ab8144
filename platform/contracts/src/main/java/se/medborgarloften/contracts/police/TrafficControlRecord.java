package se.medborgarloften.contracts.police;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A traffic control as police systems write it to {@code police.traffic-controls.v1}, keyed by {@code controlId}. A
 * record that repeats a {@code controlId} with different content is a correction of the first.
 *
 * @param kind SPEED, SOBRIETY, HEAVY_VEHICLES or GENERAL
 * @param breathTests optional, sobriety controls: breath tests taken
 * @param positiveBreathTests optional: of those, how many were positive
 * @param finesByReason optional: fines issued, counted per reason
 * @param vehiclesSeized optional: vehicles taken off the road
 */
public record TrafficControlRecord(
        String controlId,
        String municipalityCode,
        Location location,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        String kind,
        Boolean targeted,
        Integer vehiclesChecked,
        Integer violations,
        String unit,
        Integer breathTests,
        Integer positiveBreathTests,
        Map<String, Integer> finesByReason,
        Integer vehiclesSeized) {

    /** The record as SPEC.md first described it, without the optional results. */
    public TrafficControlRecord(
            String controlId,
            String municipalityCode,
            Location location,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            String kind,
            Boolean targeted,
            Integer vehiclesChecked,
            Integer violations,
            String unit) {
        this(
                controlId,
                municipalityCode,
                location,
                startedAt,
                endedAt,
                kind,
                targeted,
                vehiclesChecked,
                violations,
                unit,
                null,
                null,
                null,
                null);
    }

    public record Location(String name, Double lat, Double lon) {}
}
