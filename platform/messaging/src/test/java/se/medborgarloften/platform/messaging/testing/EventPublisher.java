package se.medborgarloften.platform.messaging.testing;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import se.medborgarloften.contracts.AggregateEvent;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.outbox.OutboxMessage;

/** Writes events onto a topic as a producing service would: CloudEvents keyed by aggregate id, or raw records. */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** The event as a service's outbox would publish it, sent before this returns. */
    public void publish(String topic, String type, AggregateEvent data) {
        OutboxMessage message = new DomainEvents(topic, "/test", Clock.systemUTC()).event(type, data);
        send(topic, message.key(), message.payload());
    }

    /** Any record, readable or not, sent before this returns. */
    public void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
