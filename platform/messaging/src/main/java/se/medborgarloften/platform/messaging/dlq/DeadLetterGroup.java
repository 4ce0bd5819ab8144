package se.medborgarloften.platform.messaging.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Names, in the header {@value #HEADER}, the consumer group that read a record, so that a dead letter says which
 * consumer gave up on it. The Kafka binder copies a record's headers into its dead letter, beside its own
 * {@code x-original-topic}, {@code x-original-offset} and {@code x-exception-message}; it has no header for the group.
 *
 * <p>Why it matters: every consumer group decides for itself what it cannot process, and a service may read one topic
 * in several groups (reporting-service reads {@code activity.events.v1} for promise progress and for the situation
 * picture). A record both groups refuse is two dead letters on {@code <topic>.dlq}, one per group, each of which must
 * be dealt with by its own group (replayed to it, or acknowledged as lost for it); a record only the situation picture
 * refuses is one. Letting only one group dead-letter would hide the other's refusals, so each does, and this header
 * tells them apart.
 *
 * <p>A Kafka consumer interceptor, installed for every binder consumer by {@code MessagingDefaults}: the consumer's
 * own {@code group.id} is the one fact it needs, and a replayed dead letter's old value is replaced.
 */
public class DeadLetterGroup implements ConsumerInterceptor<Object, Object> {

    public static final String HEADER = "x-original-consumer-group";

    private byte[] group;

    @Override
    public void configure(Map<String, ?> configs) {
        group = Optional.ofNullable(configs.get(ConsumerConfig.GROUP_ID_CONFIG))
                .map(id -> id.toString().getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        if (group != null) {
            for (ConsumerRecord<Object, Object> record : records) {
                record.headers().remove(HEADER);
                record.headers().add(HEADER, group);
            }
        }
        return records;
    }

    /** The consumer group a dead letter came from, if it says. */
    public static Optional<String> of(ConsumerRecord<?, ?> deadLetter) {
        return Optional.ofNullable(deadLetter.headers().lastHeader(HEADER))
                .map(header -> new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

    @Override
    public void close() {}
}
