package se.medborgarloften.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongo;
import se.medborgarloften.platform.messaging.testing.TopicProbe;

/**
 * How the relay finds its work: a write names its document and is sent at once; an event no write named, as a crashed
 * process leaves it, is found by the sweep, at start and then every sweep interval. Each story has its own outbox and
 * topic.
 */
class OutboxRelayTest {

    static final Duration NEVER_IN_THIS_TEST = Duration.ofMinutes(10);

    record Counter(String name, int value) {}

    static EmbeddedKafkaBroker kafka;
    static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, "hinted", "left-at-start", "left-while-running");
        kafka.afterPropertiesSet();
        mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.uri("outbox-relay-test")), "outbox-relay-test");
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
    }

    @Test
    void a_write_is_sent_at_once_although_no_poll_and_no_sweep_is_due_for_minutes() {
        AggregateStores stores = new AggregateStores(mongo);
        AggregateStore<Counter> counters = stores.store("hinted", Counter.class);
        OutboxRelay relay = relay(stores, NEVER_IN_THIS_TEST, NEVER_IN_THIS_TEST);
        relay.start();
        try (TopicProbe topic = new TopicProbe(kafka.getBrokersAsString(), "hinted")) {
            counters.create("c-1", new Counter("visits", 1), message("hinted", "c-1", "1"));
            topic.awaitRecords(records -> records.size() == 1);

            // The relay has swept at start and is asleep for ten minutes; only the write itself can wake it.
            Versioned<Counter> loaded = counters.find("c-1").orElseThrow();
            counters.update("c-1", loaded, new Counter("visits", 2), message("hinted", "c-1", "2"));

            assertThat(values(topic.awaitRecords(records -> records.size() == 2)))
                    .containsExactly("1", "2");
        } finally {
            relay.stop();
        }
    }

    @Test
    void an_event_left_in_an_outbox_before_the_relay_started_is_sent_by_its_first_sweep() {
        AggregateStores stores = new AggregateStores(mongo);
        stores.store("left-at-start", Counter.class);
        leftByACrashedProcess("left-at-start", "c-2", "7");

        OutboxRelay relay = relay(stores, NEVER_IN_THIS_TEST, NEVER_IN_THIS_TEST);
        relay.start();
        try (TopicProbe topic = new TopicProbe(kafka.getBrokersAsString(), "left-at-start")) {
            assertThat(values(topic.awaitRecords(records -> !records.isEmpty())))
                    .containsExactly("7");
            assertThat(relay.backlog()).isZero();
        } finally {
            relay.stop();
        }
    }

    @Test
    void an_event_no_write_named_while_the_relay_runs_is_sent_by_the_next_periodic_sweep() {
        AggregateStores stores = new AggregateStores(mongo);
        AggregateStore<Counter> counters = stores.store("left-while-running", Counter.class);
        OutboxRelay relay = relay(stores, Duration.ofMillis(200), Duration.ofSeconds(1));
        relay.start();
        try (TopicProbe topic = new TopicProbe(kafka.getBrokersAsString(), "left-while-running")) {
            counters.create("c-3", new Counter("visits", 1), message("left-while-running", "c-3", "1"));
            topic.awaitRecords(records -> records.size() == 1);

            // Written after the relay's first sweep, and without the hint a write through the store leaves.
            leftByACrashedProcess("left-while-running", "c-4", "8");

            assertThat(values(topic.awaitRecords(records -> records.size() == 2)))
                    .containsExactly("1", "8");
        } finally {
            relay.stop();
        }
    }

    /** A document with an unsent event, stored without telling this relay, as another or a crashed process would. */
    private static void leftByACrashedProcess(String collection, String id, String payload) {
        mongo.insert(
                new AggregateDocument<>(id, 1, new Counter("visits", 0), List.of(message(collection, id, payload))),
                collection);
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static OutboxRelay relay(AggregateStores stores, Duration pollInterval, Duration sweepInterval) {
        Map<String, Object> config = KafkaTestUtils.producerProps(kafka);
        config.put("key.serializer", StringSerializer.class);
        config.put("value.serializer", StringSerializer.class);
        var template = new KafkaTemplate<String, String>(new DefaultKafkaProducerFactory<>(config));
        var settings = new OutboxSettings(
                pollInterval,
                sweepInterval,
                Duration.ofSeconds(5),
                Duration.ofSeconds(4),
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                10);
        return new OutboxRelay(mongo, template, stores, settings);
    }

    private static OutboxMessage message(String topic, String key, String payload) {
        return new OutboxMessage(
                UUID.randomUUID().toString(), topic, key, payload, Map.of("content-type", "text/plain"), Instant.now());
    }
}
