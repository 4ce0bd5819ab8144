package se.medborgarloften.reporting.situation.domain;

import java.time.Instant;
import se.medborgarloften.contracts.activity.ActivityEvent;

/**
 * What the situation picture needs of an activity, as its latest event told it.
 *
 * @param promiseId the promise it was reported under; null when none was named
 */
public record ActivityFact(
        String id,
        String type,
        String municipalityCode,
        String area,
        String promiseId,
        Instant occurredAt,
        boolean cancelled) {

    public static ActivityFact of(ActivityEvent event) {
        return new ActivityFact(
                event.aggregateId(),
                event.activityType(),
                event.municipalityCode(),
                event.area(),
                event.promiseId(),
                event.occurredAt().toInstant(),
                event.cancelled());
    }

    /** A cancelled activity is kept as an event but counts for nothing. */
    public boolean doneIn(SituationWindow window) {
        return !cancelled && window.contains(occurredAt);
    }
}
