package se.medborgarloften.platform.messaging.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * A Kafka record waiting in the document whose change produced it. It is written in the same single-document update
 * as that change, so the change and its events are stored together or not at all.
 */
public record OutboxMessage(
        String messageId, String topic, String key, String payload, Map<String, String> headers, Instant createdAt) {}
