package se.medborgarloften.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import se.medborgarloften.contracts.Topics;

/**
 * Police records end to end: written as fast as a police system's producer can onto the police topic, timed until
 * reporting-service counts every one of them in the progress of Hässleholm 2021. Then checked: activity-service holds
 * exactly that many activities, the activity topic has an event for each, and the count does not move past the
 * number sent (no duplicates).
 */
final class Ingest {

    /** Ingest spreads its controls over January to November; December is the freshness phase's. */
    static final int MONTHS = 11;

    record Figures(
            int sent,
            double rate,
            boolean complete,
            Duration elapsed,
            long counted,
            long activities,
            long distinctEvents,
            long eventRecords) {

        long lost() {
            return Math.max(0, sent - counted);
        }

        long duplicates() {
            return Math.max(0, counted - sent) + Math.max(0, activities - sent);
        }

        boolean correct() {
            return complete && counted == sent && activities == sent && distinctEvents == sent;
        }
    }

    private final Stack stack;
    private final Kafka kafka;
    private final PoliceRecords police;

    Ingest(Stack stack, Kafka kafka, PoliceRecords police) {
        this.stack = stack;
        this.kafka = kafka;
        this.police = police;
    }

    Figures measure(int records, Duration timeout) {
        long before = countedNow();
        long start = System.nanoTime();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(records));
        long[] counted = {before};
        boolean complete = Waiting.within(timeout, Duration.ofMillis(100), () -> {
            counted[0] = countedNow();
            return counted[0] - before >= records;
        });
        long elapsed = System.nanoTime() - start;
        sending.join();
        Waiting.sleep(Duration.ofSeconds(2)); // a duplicate would still move the count now
        long countedAfter = countedNow() - before;
        double rate = (counted[0] - before) / RawKafka.seconds(elapsed);
        long[] onTopic = distinctEventsOnTopic();
        return new Figures(
                records,
                rate,
                complete,
                Duration.ofNanos(elapsed),
                countedAfter,
                activitiesStored(),
                onTopic[0],
                onTopic[1]);
    }

    private void send(int records) {
        try (KafkaProducer<String, String> producer = kafka.bulkProducer()) {
            for (int i = 0; i < records; i++) {
                String controlId = police.controlId("I", i);
                producer.send(new ProducerRecord<>(
                        Topics.POLICE_TRAFFIC_CONTROLS,
                        controlId,
                        PoliceRecords.record(controlId, 1 + i % MONTHS, 1 + (i / MONTHS) % 28)));
            }
            producer.flush();
        }
    }

    private long countedNow() {
        return ProgressPage.trafficControlsDone(stack.reporting().get(Stack.PROGRESS));
    }

    private long activitiesStored() {
        return stack.activities()
                .getAuthenticated("/api/activities?municipalityCode=1293&type=TRAFFIC_CONTROL&size=1")
                .path("page")
                .path("totalElements")
                .asLong();
    }

    /** [distinct activities of this phase with an event, event records of this phase] on the activity topic. */
    private long[] distinctEventsOnTopic() {
        String prefix = PoliceRecords.activityId(police.controlId("I", 0)).replaceAll("\\d+$", "");
        Map<String, Integer> perActivity = new HashMap<>();
        kafka.readAll(Topics.ACTIVITY_EVENTS, record -> {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (key.startsWith(prefix)) {
                perActivity.merge(key, 1, Integer::sum);
            }
        });
        return new long[] {
            perActivity.size(),
            perActivity.values().stream().mapToLong(Integer::longValue).sum()
        };
    }
}
