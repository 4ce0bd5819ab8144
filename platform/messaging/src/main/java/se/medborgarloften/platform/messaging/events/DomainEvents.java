package se.medborgarloften.platform.messaging.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import se.medborgarloften.contracts.AggregateEvent;
import se.medborgarloften.contracts.CloudEvent;
import se.medborgarloften.platform.messaging.outbox.OutboxMessage;

/** Turns a service's event data into a CloudEvent outbox message for its topic, keyed by the aggregate id. */
public class DomainEvents {

    private final String topic;
    private final String source;
    private final Clock clock;

    public DomainEvents(String topic, String source, Clock clock) {
        this.topic = topic;
        this.source = source;
        this.clock = clock;
    }

    public OutboxMessage event(String type, AggregateEvent data) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        var envelope = new CloudEvent<>(
                CloudEvent.SPEC_VERSION,
                id,
                source,
                type,
                data.aggregateId(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                CloudEvent.DATA_CONTENT_TYPE,
                data);
        return new OutboxMessage(
                id,
                topic,
                data.aggregateId(),
                EventJson.MAPPER.writeValueAsString(envelope),
                Map.of("content-type", CloudEvent.CONTENT_TYPE, "ce_type", type),
                now);
    }

    /** A snapshot for a compacted topic: the value is the state itself, the key says what it is the state of. */
    public static OutboxMessage snapshot(String topic, String key, Object state, Instant now) {
        return new OutboxMessage(
                UUID.randomUUID().toString(),
                topic,
                key,
                EventJson.MAPPER.writeValueAsString(state),
                Map.of("content-type", "application/json"),
                now);
    }
}
