package se.medborgarloften.platform.messaging.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;

class DeadLetterCounterTest {

    @Test
    void a_record_given_up_on_goes_to_its_topics_dlq_and_is_counted_under_its_topic() {
        var registry = new SimpleMeterRegistry();
        var counter = new DeadLetterCounter(registry);

        String destination = counter.deadLetter(
                new ConsumerRecord<>("activity.events.v1", 0, 7L, "a-1", "not json"),
                new MalformedRecordException("not a readable CloudEvent"));
        counter.deadLetter(
                new ConsumerRecord<>("activity.events.v1", 1, 3L, "a-2", "{}"),
                new MalformedRecordException("CloudEvent without id, type or data"));

        assertThat(destination).isEqualTo("activity.events.v1.dlq");
        assertThat(registry.get(DeadLetterCounter.METRIC)
                        .tag("topic", "activity.events.v1")
                        .counter()
                        .count())
                .isEqualTo(2);
    }
}
