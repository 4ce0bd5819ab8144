package se.medborgarloften.contracts.activity;

import java.time.OffsetDateTime;
import java.util.Map;
import se.medborgarloften.contracts.AggregateEvent;

/**
 * Data of every activity event: the activity as it stands after the change. A correction carries the corrected state,
 * a cancellation the last state with {@code cancelled = true}, so a consumer keeps only the latest version.
 *
 * @param details type-specific facts; for traffic controls {@code kind}, {@code targeted}, {@code vehiclesChecked},
 *     {@code violations}
 * @param origin POLICE_FEED or STAFF
 */
public record ActivityEvent(
        String aggregateId,
        long aggregateVersion,
        String activityType,
        String municipalityCode,
        String area,
        OffsetDateTime occurredAt,
        OffsetDateTime endedAt,
        Map<String, Object> details,
        String promiseId,
        String externalId,
        String origin,
        boolean cancelled,
        String cancellationReason)
        implements AggregateEvent {}
