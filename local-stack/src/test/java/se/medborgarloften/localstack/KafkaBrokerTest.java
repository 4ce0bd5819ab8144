package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final Properties config = load(KafkaBroker.serverProperties(Path.of("/repo/.data/kafka")));

    @Test
    void one_process_is_broker_and_controller_on_loopback() {
        assertThat(config)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT");
    }

    @Test
    void keeps_its_data_in_the_data_folder() {
        assertThat(config).containsEntry("log.dirs", "/repo/.data/kafka/logs");
    }

    @Test
    void internal_topics_fit_a_single_broker() {
        assertThat(config)
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void leaves_topic_creation_to_the_services() {
        assertThat(config).containsEntry("auto.create.topics.enable", "false");
    }

    private static Properties load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
