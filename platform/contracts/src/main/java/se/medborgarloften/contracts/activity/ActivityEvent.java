package se.medborgarloften.contracts.activity;

import java.time.OffsetDateTime;
import java.util.Map;
import se.medborgarloften.contracts.AggregateEvent;

/**
 * Data of every activity event: the activity as it stands after the change. A correction carries the corrected state,
 * a cancellation the last state with {@code cancelled = true}, a finding update the walk with that finding's action
 * changed, so a consumer keeps only the latest version.
 *
 * <p>The {@code details} keys per {@code activityType} (absent optional values are left out):
 *
 * <ul>
 *   <li>TRAFFIC_CONTROL: {@code kind} (SPEED, SOBRIETY, HEAVY_VEHICLES, GENERAL), {@code targeted} (boolean),
 *       {@code vehiclesChecked}, {@code violations} (always present); {@code breathTests},
 *       {@code positiveBreathTests}, {@code finesByReason} (reason to count), {@code vehiclesSeized}, {@code unit},
 *       {@code location} ({@code name}, {@code lat}, {@code lon})
 *   <li>SAFETY_WALK: {@code route}, {@code place}, {@code participants}, {@code findings} (each {@code id}, unique
 *       within the walk and kept across changes, {@code description}, {@code place}, {@code action}:
 *       {@code description}, {@code responsible}, {@code deadline}, {@code status} OPEN|DONE|REJECTED, {@code reason},
 *       required when REJECTED)
 *   <li>CONTACT_MEETING: {@code attendees}
 *   <li>DRUG_TRADE_OPERATION: {@code personsChecked}, {@code arrests}, {@code seizures}, {@code crimeReports}
 *   <li>KEY_CRIMINAL_ACTION: {@code personsTargeted}, {@code arrests}, {@code seizures}, {@code crimeReports}
 *   <li>VISIBLE_PRESENCE: {@code place}, {@code hours}
 *   <li>OTHER: {@code description}
 * </ul>
 *
 * @param origin POLICE_FEED or STAFF; a police-feed activity carries the police {@code controlId} as its
 *     {@code externalId}
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
