package se.medborgarloften.activity.activity.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import se.medborgarloften.activity.activity.domain.Activity;
import se.medborgarloften.activity.activity.domain.ActivityDetails;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.events.EventJson;
import se.medborgarloften.platform.messaging.outbox.OutboxMessage;
import tools.jackson.databind.JavaType;

/** Writes an activity change as the event on {@code activity.events.v1}, with the whole activity after the change. */
@Component
public class ActivityEventFactory {

    private static final JavaType DETAILS_MAP =
            EventJson.MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class);

    private final DomainEvents events;

    public ActivityEventFactory(Clock clock) {
        this.events = new DomainEvents(Topics.ACTIVITY_EVENTS, ActivityEventTypes.SOURCE, clock);
    }

    public OutboxMessage event(String type, Activity activity, long version) {
        return events.event(type, of(activity, version));
    }

    static ActivityEvent of(Activity activity, long version) {
        return new ActivityEvent(
                activity.id(),
                version,
                activity.type().name(),
                activity.municipalityCode(),
                activity.area(),
                utc(activity.occurredAt()),
                utc(activity.endedAt()),
                details(activity.details()),
                activity.promiseId(),
                activity.externalId(),
                activity.origin().name(),
                activity.cancelled(),
                activity.cancellationReason());
    }

    /** The details record as the map the event carries: the same field names, absent values left out. */
    static Map<String, Object> details(ActivityDetails details) {
        Map<String, Object> map = EventJson.MAPPER.convertValue(details, DETAILS_MAP);
        map.values().removeIf(Objects::isNull);
        return map;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
