package se.medborgarloften.platform.messaging.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The records of a batch binding's message, each with its topic, partition, offset and headers: what a dead letter
 * of one of them must name. The binder hands a batch as one message whose headers are lists, in the order of the
 * payload.
 */
final class BatchRecords {

    private BatchRecords() {}

    @SuppressWarnings("unchecked")
    static List<ConsumerRecord<byte[], byte[]>> of(Message<List<byte[]>> batch) {
        Object raw = batch.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (raw instanceof List<?> records
                && records.size() == batch.getPayload().size()) {
            return (List<ConsumerRecord<byte[], byte[]>>) records;
        }
        List<byte[]> values = batch.getPayload();
        List<String> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
        List<Integer> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
        List<Long> offsets = list(batch, KafkaHeaders.OFFSET);
        List<Object> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
        List<Map<String, Object>> headers = list(batch, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            RecordHeaders recordHeaders = new RecordHeaders();
            if (headers != null) {
                headers.get(i).forEach((name, value) -> {
                    if (value instanceof byte[] bytes) {
                        recordHeaders.add(name, bytes);
                    } else if (value instanceof String text) {
                        recordHeaders.add(name, text.getBytes(StandardCharsets.UTF_8));
                    }
                });
            }
            records.add(new ConsumerRecord<>(
                    topics.get(i),
                    partitions.get(i),
                    offsets.get(i),
                    ConsumerRecord.NO_TIMESTAMP,
                    TimestampType.NO_TIMESTAMP_TYPE,
                    ConsumerRecord.NULL_SIZE,
                    ConsumerRecord.NULL_SIZE,
                    keys == null ? null : (byte[]) keys.get(i),
                    values.get(i),
                    recordHeaders,
                    Optional.empty()));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Message<?> batch, String header) {
        return (List<T>) batch.getHeaders().get(header);
    }
}
