package se.medborgarloften.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import se.medborgarloften.contracts.Topics;

/**
 * A steady trickle of controls, all in December 2021, each timed from its send to the moment December's done count
 * first reaches its number: over HTTP ({@code GET /api/progress}, polled back to back) and on the compacted progress
 * topic (a consumer at its end). The n-th control of the phase is visible when the count first shows n.
 */
final class Freshness {

    static final String PERIOD = "2021-12";

    record Figures(int sent, Latencies http, Latencies topic, long missingHttp, long missingTopic) {}

    private final Stack stack;
    private final Kafka kafka;
    private final PoliceRecords police;

    Freshness(Stack stack, Kafka kafka, PoliceRecords police) {
        this.stack = stack;
        this.kafka = kafka;
        this.police = police;
    }

    Figures measure(int rate, Duration duration) {
        int records = (int) (rate * duration.toSeconds());
        long base = ProgressPage.trafficControlsDone(stack.reporting().get(Stack.PROGRESS), PERIOD);
        AtomicLongArray sentAt = new AtomicLongArray(records + 1);
        AtomicLongArray seenOverHttp = new AtomicLongArray(records + 1);
        AtomicLongArray seenOnTopic = new AtomicLongArray(records + 1);
        AtomicBoolean watching = new AtomicBoolean(true);
        CompletableFuture<Void> topicWatcher =
                CompletableFuture.runAsync(() -> watchTopic(base, seenOnTopic, watching));
        CompletableFuture<Void> httpWatcher = CompletableFuture.runAsync(() -> watchHttp(base, seenOverHttp, watching));
        Waiting.sleep(Duration.ofSeconds(1)); // both watchers in place
        try (KafkaProducer<String, String> producer = kafka.immediateProducer()) {
            long start = System.nanoTime();
            for (int n = 1; n <= records; n++) {
                Steady.waitUntil(start + (n - 1) * 1_000_000_000L / rate);
                String controlId = police.controlId("F", n);
                sentAt.set(n, System.nanoTime());
                producer.send(new ProducerRecord<>(
                        Topics.POLICE_TRAFFIC_CONTROLS, controlId, PoliceRecords.record(controlId, 12, 1 + n % 28)));
            }
            producer.flush();
        }
        Waiting.within(
                Duration.ofSeconds(60),
                Duration.ofMillis(100),
                () -> seenOverHttp.get(records) != 0 && seenOnTopic.get(records) != 0);
        watching.set(false);
        topicWatcher.join();
        httpWatcher.join();
        return new Figures(
                records,
                latencies(sentAt, seenOverHttp),
                latencies(sentAt, seenOnTopic),
                missing(seenOverHttp),
                missing(seenOnTopic));
    }

    private void watchHttp(long base, AtomicLongArray seen, AtomicBoolean watching) {
        while (watching.get()) {
            try {
                long done = ProgressPage.trafficControlsDone(stack.reporting().get(Stack.PROGRESS), PERIOD);
                markSeen(seen, done - base, System.nanoTime());
            } catch (RuntimeException notNow) {
                // counted as late: the next poll sees it
            }
            Waiting.sleep(Duration.ofMillis(2));
        }
    }

    private void watchTopic(long base, AtomicLongArray seen, AtomicBoolean watching) {
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
            List<TopicPartition> partitions = Kafka.partitions(consumer, Topics.PROMISE_PROGRESS);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (watching.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    JsonNode progress = parse(record.value());
                    if (progress != null
                            && PERIOD.equals(progress.path("period").asText())
                            && "TRAFFIC_CONTROL"
                                    .equals(progress.path("activityType").asText())) {
                        markSeen(seen, progress.path("done").asLong() - base, now);
                    }
                }
            }
        }
    }

    private static void markSeen(AtomicLongArray seen, long upTo, long now) {
        for (int n = 1; n <= Math.min(upTo, seen.length() - 1); n++) {
            seen.compareAndSet(n, 0, now);
        }
    }

    private static Latencies latencies(AtomicLongArray sentAt, AtomicLongArray seenAt) {
        Latencies latencies = new Latencies();
        for (int n = 1; n < sentAt.length(); n++) {
            if (seenAt.get(n) != 0) {
                latencies.add(Math.max(0, seenAt.get(n) - sentAt.get(n)));
            }
        }
        return latencies;
    }

    private static long missing(AtomicLongArray seenAt) {
        long missing = 0;
        for (int n = 1; n < seenAt.length(); n++) {
            if (seenAt.get(n) == 0) {
                missing++;
            }
        }
        return missing;
    }

    private static JsonNode parse(byte[] value) {
        try {
            return value == null ? null : Api.JSON.readTree(value);
        } catch (IOException notProgress) {
            return null;
        }
    }
}
