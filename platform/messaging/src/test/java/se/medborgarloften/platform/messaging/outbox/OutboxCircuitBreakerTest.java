package se.medborgarloften.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.monitoring.health.CircuitBreakersHealthIndicator;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongoInitializer;
import se.medborgarloften.platform.messaging.testing.PortForward;

/**
 * The relay as every service configures it (Boot's Resilience4j registries, the platform's defaults), pointed at a
 * broker address where nothing listens yet: the breaker opens within seconds and keeps the relay off the broker; once
 * a broker is reachable at that address, every event written meanwhile arrives exactly once.
 */
@SpringBootTest(
        classes = OutboxCircuitBreakerTest.RelayOnly.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.kafka.admin.auto-create=false",
            "resilience4j.circuitbreaker.instances.outbox-relay.wait-duration-in-open-state=2s",
            "medborgarloften.outbox.max-backoff=500ms",
            // Beyond the test's reach: the events written during the outage must be found by the sweep that a failed
            // pass asks for, not by a periodic one.
            "medborgarloften.outbox.sweep-interval=10m"
        })
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
@DirtiesContext
class OutboxCircuitBreakerTest {

    static final int EVENTS = 5;
    static final String TOPIC = "breaker-counters";
    static final int BROKER_PORT = PortForward.freePort();

    record Counter(String name, int value) {}

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class RelayOnly {}

    @DynamicPropertySource
    static void unreachableBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + BROKER_PORT);
    }

    @Autowired
    AggregateStores stores;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @Autowired
    CircuitBreakersHealthIndicator breakerHealth;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxSettings settings;

    @Autowired
    KafkaTemplate<String, String> outboxKafkaTemplate;

    @Test
    void the_breaker_opens_while_the_broker_is_unreachable_and_every_event_is_sent_once_when_it_returns() {
        AggregateStore<Counter> counters = stores.store(TOPIC, Counter.class);
        for (int i = 1; i <= EVENTS; i++) {
            counters.create("c-" + i, new Counter("visits", i), message("c-" + i));
        }
        Instant written = Instant.now();
        CircuitBreaker breaker = breakers.circuitBreaker(OutboxRelay.BROKER_CALLS);

        // Three failed batches open the breaker, each given up on within the producer's delivery timeout.
        await().atMost(Duration.ofSeconds(15)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        Duration toOpen = Duration.between(written, Instant.now());
        assertThat(toOpen).as("time to open the breaker").isLessThan(Duration.ofSeconds(12));
        await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getMetrics().getNumberOfNotPermittedCalls() > 0);
        assertThat(relay.backlog()).isEqualTo(EVENTS);
        assertThat(meters.get("outbox.backlog").gauge().value()).isEqualTo(EVENTS);
        assertThat(breakerStateInHealth()).isIn("OPEN", "HALF_OPEN");

        EmbeddedKafkaBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
        kafka.afterPropertiesSet();
        int kafkaPort = Integer.parseInt(kafka.getBrokersAsString().replaceAll(".*:", ""));
        try (PortForward reachable = PortForward.open(BROKER_PORT, kafkaPort)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breakerStateInHealth()).isEqualTo("CLOSED");

            List<String> keys = readAll(kafka).stream().map(ConsumerRecord::key).toList();
            assertThat(keys).hasSize(EVENTS).containsExactlyInAnyOrder("c-1", "c-2", "c-3", "c-4", "c-5");
        } finally {
            kafka.destroy();
        }
    }

    @Test
    void a_send_given_up_on_by_the_time_limit_can_no_longer_be_delivered_by_the_producer() {
        Duration timeLimit = timeLimiters
                .timeLimiter(OutboxRelay.BROKER_CALLS)
                .getTimeLimiterConfig()
                .getTimeoutDuration();
        Map<String, Object> producer = outboxKafkaTemplate.getProducerFactory().getConfigurationProperties();
        long deliveryTimeout = ((Number) producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue();
        long requestTimeout = ((Number) producer.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).longValue();
        long maxBlock = ((Number) producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue();

        assertThat(timeLimit).isEqualTo(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(Duration.ofMillis(deliveryTimeout))
                .isEqualTo(settings.deliveryTimeout())
                .isLessThan(timeLimit);
        assertThat(requestTimeout).isLessThan(deliveryTimeout);
        assertThat(maxBlock).isLessThanOrEqualTo(requestTimeout);
    }

    @Test
    void a_time_limit_no_longer_than_the_delivery_timeout_is_refused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutboxSettings(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(200),
                        Duration.ofSeconds(5),
                        200))
                .withMessageContaining("send-timeout");
    }

    private String breakerStateInHealth() {
        Health health = breakerHealth.health();
        Health relayHealth = (Health) health.getDetails().get(OutboxRelay.BROKER_CALLS);
        return String.valueOf(relayHealth.getDetails().get("state"));
    }

    /** What the topic holds once the relay is done, read for a quiet second after the last record. */
    private static List<ConsumerRecord<String, String>> readAll(EmbeddedKafkaBroker kafka) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "breaker-test", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", StringDeserializer.class);
        props.put("value.deserializer", StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (Consumer<String, String> consumer =
                new DefaultKafkaConsumerFactory<String, String>(props).createConsumer()) {
            kafka.consumeFromAnEmbeddedTopic(consumer, TOPIC);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= EVENTS;
            });
            KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }

    private static OutboxMessage message(String key) {
        return new OutboxMessage(
                UUID.randomUUID().toString(),
                TOPIC,
                key,
                "{}",
                Map.of("content-type", "application/json"),
                Instant.now());
    }
}
