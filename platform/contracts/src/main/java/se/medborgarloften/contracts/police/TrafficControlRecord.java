package se.medborgarloften.contracts.police;

import java.time.OffsetDateTime;

/** A traffic control as police systems write it to {@code police.traffic-controls.v1}, keyed by {@code controlId}. */
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
        String unit) {

    public record Location(String name, Double lat, Double lon) {}
}
