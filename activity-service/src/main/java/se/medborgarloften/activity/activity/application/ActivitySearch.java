package se.medborgarloften.activity.activity.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import se.medborgarloften.contracts.activity.ActivityType;

/**
 * Which activities a list shows: those of the given municipalities, narrowed by the optional parts. {@code from} is
 * inclusive, {@code to} exclusive.
 */
public record ActivitySearch(
        Collection<String> municipalityCodes,
        Optional<ActivityType> type,
        Optional<String> area,
        Optional<Instant> from,
        Optional<Instant> to) {}
