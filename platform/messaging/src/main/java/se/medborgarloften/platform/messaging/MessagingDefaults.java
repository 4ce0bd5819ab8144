package se.medborgarloften.platform.messaging;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import se.medborgarloften.platform.messaging.dlq.DeadLetterGroup;
import se.medborgarloften.platform.messaging.outbox.OutboxRelay;

/**
 * Configuration every service gets once, from here rather than from four copies of application.yml: the outbox
 * relay's circuit breaker and time limit, the circuit breakers' health component, and how consumer bindings hand
 * records to their handlers and dead-letter them. Added last, so a service's own configuration or a command-line
 * property still wins.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "medborgarloften-messaging-defaults";

    private static final String BREAKER = "resilience4j.circuitbreaker.instances." + OutboxRelay.BROKER_CALLS + ".";
    private static final String TIME_LIMIT = "resilience4j.timelimiter.instances." + OutboxRelay.BROKER_CALLS + ".";
    private static final String CONSUMERS = "spring.cloud.stream.default.consumer.";
    private static final String BINDER_CONSUMERS = "spring.cloud.stream.kafka.binder.consumer-properties.";
    private static final String DLQ_PRODUCER =
            "spring.cloud.stream.kafka.default.consumer.dlq-producer-properties.configuration.";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // Three failed batches in a row open the breaker; while open the relay sends nothing for 10 s, then one
            // trial batch decides whether the broker is back. A batch fails within the producer's delivery timeout
            // (OutboxSettings, 2.5 s), so the breaker opens some 8 s into an outage.
            Map.entry(BREAKER + "sliding-window-type", "COUNT_BASED"),
            Map.entry(BREAKER + "sliding-window-size", "6"),
            Map.entry(BREAKER + "minimum-number-of-calls", "3"),
            Map.entry(BREAKER + "failure-rate-threshold", "50"),
            Map.entry(BREAKER + "wait-duration-in-open-state", "10s"),
            Map.entry(BREAKER + "permitted-number-of-calls-in-half-open-state", "1"),
            // Shown in /actuator/health, without taking the service DOWN: writes are still accepted into the outbox.
            Map.entry(BREAKER + "register-health-indicator", "true"),
            Map.entry(BREAKER + "allow-health-indicator-to-fail", "false"),
            // Longer than the relay producer's delivery timeout, so a send given up on is never delivered later.
            Map.entry(TIME_LIMIT + "timeout-duration", "${medborgarloften.outbox.send-timeout:3s}"),
            Map.entry("management.health.circuitbreakers.enabled", "true"),
            // Every consumer reads the record's own bytes (EventReader, the police feed's reader). Without this the
            // binder converts an application/json payload into the handler's byte[] with Jackson first, so a JSON
            // array [1,2,3] arrived as the three bytes 1, 2, 3 and was dead-lettered as "CTRL-CHAR, code 1"; and a
            // JSON string arrived Base64-decoded. Native decoding hands over what the deserializers read: bytes, named
            // here so that no other default can change them.
            Map.entry(CONSUMERS + "use-native-decoding", "true"),
            Map.entry(BINDER_CONSUMERS + "key.deserializer", ByteArrayDeserializer.class.getName()),
            Map.entry(BINDER_CONSUMERS + "value.deserializer", ByteArrayDeserializer.class.getName()),
            // With native decoding the Kafka binder (5.0.4) writes a dead letter only if the DLQ producer names its
            // serializers, whatever the record's key and value are; without them every dead letter fails, and after
            // the container's own retries the record is skipped with no dead letter at all.
            Map.entry(DLQ_PRODUCER + "key.serializer", ByteArraySerializer.class.getName()),
            Map.entry(DLQ_PRODUCER + "value.serializer", ByteArraySerializer.class.getName()),
            // Each dead letter names the consumer group that gave up on it (DeadLetterGroup).
            Map.entry(BINDER_CONSUMERS + "interceptor.classes", DeadLetterGroup.class.getName()));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
}
