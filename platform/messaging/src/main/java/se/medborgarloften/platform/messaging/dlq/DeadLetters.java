package se.medborgarloften.platform.messaging.dlq;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import se.medborgarloften.contracts.Topics;

/**
 * Dead-letters one record of a batch consumer, as the Kafka binder dead-letters one of a record-at-a-time consumer: to
 * {@code <topic>.dlq}, counted by {@link DeadLetterCounter} once the broker acknowledged it, with the record's key, value
 * and headers (among them {@link DeadLetterGroup#HEADER}) and the binder's headers for where it came from and why:
 * {@code x-original-topic}, {@code x-original-partition}, {@code x-original-offset}, {@code x-exception-fqcn},
 * {@code x-exception-message}, {@code x-exception-stacktrace}. Whoever reads a DLQ cannot tell which kind of consumer wrote a dead letter.
 *
 * <p>The binder itself cannot do this for a batch: it dead-letters the whole poll when its handler fails.
 */
public class DeadLetters {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final DeadLetterCounter counter;

    public DeadLetters(KafkaTemplate<byte[], byte[]> kafka, DeadLetterCounter counter) {
        this.kafka = kafka;
        this.counter = counter;
    }

    /** Sends the dead letter and waits for the broker's acknowledgement; a failure throws, so the batch is retried. */
    public void send(ConsumerRecord<byte[], byte[]> record, Exception reason) {
        ProducerRecord<byte[], byte[]> letter =
                new ProducerRecord<>(Topics.dlq(record.topic()), record.key(), record.value());
        record.headers().forEach(header -> letter.headers().add(header));
        letter.headers()
                .add("x-original-topic", utf8(record.topic()))
                .add(
                        "x-original-partition",
                        ByteBuffer.allocate(Integer.BYTES)
                                .putInt(record.partition())
                                .array())
                .add(
                        "x-original-offset",
                        ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array())
                .add("x-exception-fqcn", utf8(reason.getClass().getName()))
                .add("x-exception-message", utf8(String.valueOf(reason.getMessage())))
                .add("x-exception-stacktrace", utf8(stackTrace(reason)));
        try {
            kafka.send(letter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // Counted once acknowledged: a send that fails is retried with its batch and must not count twice.
            counter.counted(record.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not dead-letter a record of " + record.topic(), e);
        }
    }

    private static String stackTrace(Exception reason) {
        StringWriter trace = new StringWriter();
        reason.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
