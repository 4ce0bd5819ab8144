package se.medborgarloften.platform.messaging.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeadLetterGroupTest {

    @Test
    void every_record_read_names_the_group_that_read_it_replacing_a_replayed_dead_letters_group() {
        var interceptor = new DeadLetterGroup();
        interceptor.configure(Map.of("group.id", "reporting-situation", "client.id", "c-1"));
        var fresh = new ConsumerRecord<Object, Object>("activity.events.v1", 0, 1L, "a-1", "{}");
        var replayed = new ConsumerRecord<Object, Object>("activity.events.v1", 0, 2L, "a-2", "{}");
        replayed.headers().add(DeadLetterGroup.HEADER, "reporting-service".getBytes(StandardCharsets.UTF_8));

        interceptor.onConsume(new ConsumerRecords<>(
                Map.of(new TopicPartition("activity.events.v1", 0), List.of(fresh, replayed)), Map.of()));

        assertThat(DeadLetterGroup.of(fresh)).hasValue("reporting-situation");
        assertThat(DeadLetterGroup.of(replayed)).hasValue("reporting-situation");
        assertThat(replayed.headers().headers(DeadLetterGroup.HEADER)).hasSize(1);
    }
}
