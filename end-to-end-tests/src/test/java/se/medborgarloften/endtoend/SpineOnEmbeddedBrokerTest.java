package se.medborgarloften.endtoend;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongo;
import se.medborgarloften.platform.messaging.testing.HeadlessChromium;

/** The spine on a real Kafka broker (embedded KRaft) and the real MongoDB wire protocol, both in this JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineOnEmbeddedBrokerTest extends SpineScenario {

    EmbeddedKafkaBroker kafka;

    @BeforeAll
    void startBroker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    void stopBroker() {
        kafka.destroy();
    }

    @Override
    String bootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    String mongoUri(String database) {
        return EmbeddedMongo.uri("spine-" + database);
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

    @Test
    @Order(3)
    @EnabledIf(
            value = "browserInstalled",
            disabledReason = "no /usr/bin/chromium: apt-get install chromium chromium-driver")
    void a_police_control_reaches_the_open_dashboard_within_two_seconds() {
        an_open_dashboard_shows_a_new_police_control_within_two_seconds();
    }

    static boolean browserInstalled() {
        return HeadlessChromium.installed();
    }
}
