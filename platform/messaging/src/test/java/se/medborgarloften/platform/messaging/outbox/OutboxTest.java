package se.medborgarloften.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import se.medborgarloften.platform.messaging.dedupe.LatestVersionWins;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongo;

class OutboxTest {

    record Counter(String name, int value) {}

    static EmbeddedKafkaBroker kafka;
    static MongoTemplate mongo;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, "counters");
        kafka.afterPropertiesSet();
        mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.uri("outbox-test")), "outbox-test");
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
    }

    @Test
    void a_change_and_its_event_are_stored_together_and_the_relay_sends_them_in_order_then_empties_the_outbox() {
        AggregateStores stores = new AggregateStores(mongo);
        AggregateStore<Counter> counters = stores.store("counters", Counter.class);
        counters.create("c-1", new Counter("visits", 0), message("c-1", "0"));
        for (int value = 1; value <= 3; value++) {
            Versioned<Counter> loaded = counters.find("c-1").orElseThrow();
            counters.update("c-1", loaded, new Counter("visits", value), message("c-1", String.valueOf(value)));
        }

        assertThat(counters.find("c-1").orElseThrow()).isEqualTo(new Versioned<>(new Counter("visits", 3), 4));
        OutboxRelay relay = relay(stores);
        assertThat(relay.backlog()).isEqualTo(1);

        relay.start();
        try {
            List<String> values = new ArrayList<>();
            try (Consumer<String, String> consumer = consumer()) {
                kafka.consumeFromAnEmbeddedTopic(consumer, "counters");
                await().atMost(Duration.ofSeconds(10)).until(() -> {
                    KafkaTestUtils.getRecords(consumer, Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                    return values.size() >= 4;
                });
            }
            assertThat(values).containsExactly("0", "1", "2", "3");
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.backlog() == 0);
        } finally {
            relay.stop();
        }
    }

    @Test
    void a_write_from_a_stale_load_is_refused() {
        AggregateStore<Counter> counters = new AggregateStores(mongo).store("stale", Counter.class);
        counters.create("c-2", new Counter("walks", 0), message("c-2", "0"));
        Versioned<Counter> first = counters.find("c-2").orElseThrow();
        counters.update("c-2", first, new Counter("walks", 1), message("c-2", "1"));

        assertThatThrownBy(() -> counters.update("c-2", first, new Counter("walks", 5), message("c-2", "5")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(counters.find("c-2").orElseThrow().state().value()).isEqualTo(1);
    }

    @Test
    void every_outbox_gets_a_sparse_index_of_its_pending_events_in_place_of_the_earlier_full_one() {
        mongo.indexOps("indexed").createIndex(new Index().on(OutboxRelay.PENDING, Sort.Direction.ASC));

        new AggregateStores(mongo).store("indexed", Counter.class);

        List<IndexInfo> pending = mongo.indexOps("indexed").getIndexInfo().stream()
                .filter(index -> index.isIndexForFields(List.of(OutboxRelay.PENDING)))
                .toList();
        assertThat(pending).singleElement().satisfies(index -> {
            assertThat(index.getName()).isEqualTo(AggregateStores.PENDING_INDEX);
            assertThat(index.isSparse()).isTrue();
        });
    }

    @Test
    void a_view_keeps_the_newest_version_whatever_order_or_how_often_events_arrive() {
        LatestVersionWins views = new LatestVersionWins(mongo);
        assertThat(views.apply("views", "a-1", 2, new Counter("x", 2))).isTrue();
        assertThat(views.apply("views", "a-1", 1, new Counter("x", 1))).isFalse();
        assertThat(views.apply("views", "a-1", 2, new Counter("x", 2))).isFalse();
        assertThat(views.apply("views", "a-1", 3, new Counter("x", 3))).isTrue();

        var stored = mongo.findById("a-1", org.bson.Document.class, "views");
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(3);
        assertThat(stored.get("state", org.bson.Document.class).getInteger("value"))
                .isEqualTo(3);
    }

    private OutboxRelay relay(AggregateStores stores) {
        Map<String, Object> config = KafkaTestUtils.producerProps(kafka);
        config.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        config.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        var template = new KafkaTemplate<String, String>(new DefaultKafkaProducerFactory<>(config));
        var settings = new OutboxSettings(
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(4),
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                10);
        return new OutboxRelay(mongo, template, stores, settings);
    }

    private Consumer<String, String> consumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(kafka, "outbox-test", false);
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        props.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class);
        return new DefaultKafkaConsumerFactory<String, String>(props).createConsumer();
    }

    private static OutboxMessage message(String key, String payload) {
        return new OutboxMessage(
                java.util.UUID.randomUUID().toString(),
                "counters",
                key,
                payload,
                Map.of("content-type", "text/plain"),
                Instant.now());
    }
}
