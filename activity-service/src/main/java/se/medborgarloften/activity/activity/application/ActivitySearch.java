package se.medborgarloften.activity.activity.application;

import java.time.Instant;
import java.util.Optional;
import se.medborgarloften.contracts.activity.ActivityType;

/** Which activities a list shows; every part is optional. {@code from} is inclusive, {@code to} exclusive. */
public record ActivitySearch(
        Optional<String> municipalityCode,
        Optional<ActivityType> type,
        Optional<String> area,
        Optional<Instant> from,
        Optional<Instant> to) {}
