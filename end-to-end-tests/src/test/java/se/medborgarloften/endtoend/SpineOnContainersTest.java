package se.medborgarloften.endtoend;

import java.io.IOException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same spine on the official Apache Kafka image and a real MongoDB (a single-node replica set), where Docker
 * runs; skipped where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineOnContainersTest extends SpineScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    String mongoUri(String database) {
        return MONGO.getReplicaSetUrl(database);
    }

    @Test
    @Order(1)
    void a_police_traffic_control_moves_the_monthly_commitment_once() throws IOException {
        a_police_traffic_control_flows_through_to_promise_progress_once();
    }

    @Test
    @Order(2)
    void replaying_every_event_from_the_beginning_changes_no_count() {
        a_replay_from_the_beginning_counts_nothing_twice();
    }
}
