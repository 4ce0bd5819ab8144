package se.medborgarloften.platform.messaging.batch;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import se.medborgarloften.platform.messaging.dlq.DeadLetters;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;

/**
 * Handles a poll's worth of records at once, for the consumers that see thousands of records a second (the police
 * feed, the progress projection): one round trip to the store per batch instead of several per record.
 *
 * <p>The promises of a record-at-a-time consumer still hold, record by record. A record that cannot be read, or
 * that the application refuses for good, is dead-lettered with its reason ({@link DeadLetters}) and the others are
 * applied. Anything else that fails (the store is down) fails the whole batch, which the container retries with
 * backoff for as long as it takes ({@link BatchRetries}); applying is idempotent, so a retried batch counts nothing
 * twice. The offsets are committed once the handler returns, after the batch is applied and its dead letters are
 * acknowledged.
 */
public class BatchConsumer {

    private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);

    private final DeadLetters deadLetters;

    public BatchConsumer(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Reads every record with {@code reader}, applies the readable ones with {@code apply}, and dead-letters the
     * unreadable ones and those {@code apply} refused.
     */
    public <T> void handle(Message<List<byte[]>> batch, Function<byte[], T> reader, Application<T> apply) {
        long started = System.nanoTime();
        List<ConsumerRecord<byte[], byte[]>> records = BatchRecords.of(batch);
        Map<T, ConsumerRecord<byte[], byte[]>> readable = new IdentityHashMap<>();
        List<T> items = new ArrayList<>(records.size());
        List<Refused> refused = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                T item = reader.apply(record.value());
                readable.put(item, record);
                items.add(item);
            } catch (MalformedRecordException unreadable) {
                refused.add(new Refused(record, unreadable));
            }
        }
        if (!items.isEmpty()) {
            apply.apply(items).forEach((item, reason) -> refused.add(new Refused(readable.get(item), reason)));
        }
        refused.forEach(letter -> deadLetters.send(letter.record(), letter.reason()));
        log.debug(
                "Batch of {} records applied, {} dead-lettered, in {} ms",
                records.size(),
                refused.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies the readable items of a batch; answers those it refused for good, with why. */
    @FunctionalInterface
    public interface Application<T> {

        Map<T, MalformedRecordException> apply(List<T> items);

        /** An application that refuses nothing it could read. */
        static <T> Application<T> all(Consumer<List<T>> apply) {
            return items -> {
                apply.accept(items);
                return Map.of();
            };
        }
    }

    private record Refused(ConsumerRecord<byte[], byte[]> record, Exception reason) {}
}
