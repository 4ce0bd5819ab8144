package se.medborgarloften.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import se.medborgarloften.contracts.Topics;

/**
 * A rebuild after a rule change over years of history: {@code events} historical activity events are added to the
 * activity topic while reporting-service is stopped (its consumer groups then moved past them, so only the rebuild
 * reads them), the raw consumer rate of the whole topic is taken as the baseline, and {@code POST /actuator/rebuild}
 * is timed until {@code GET /actuator/rebuild} says DONE. A finished rebuild must show the same 2021 count as the
 * events hold.
 */
final class Rebuild {

    private static final String[] REPORTING_GROUPS = {"reporting-service", "reporting-situation"};

    record Figures(
            long history,
            long topicRecords,
            double rawConsumerRate,
            double rate,
            boolean complete,
            Duration elapsed,
            long replayed,
            long expectedDone,
            long doneAfter,
            String failure) {

        boolean correct() {
            return complete && expectedDone == doneAfter;
        }
    }

    private final Stack stack;
    private final Kafka kafka;
    private final PoliceRecords police;

    Rebuild(Stack stack, Kafka kafka, PoliceRecords police) {
        this.stack = stack;
        this.kafka = kafka;
        this.police = police;
    }

    Figures measure(int events, Duration timeout) {
        HistoryEvents history = new HistoryEvents(templateEvent());
        long doneBefore = ProgressPage.trafficControlsDone(stack.reporting().get(Stack.PROGRESS));
        stack.stopReporting();
        long in2021 = writeHistory(history, events);
        for (String group : REPORTING_GROUPS) {
            kafka.skipToEnd(group, Topics.ACTIVITY_EVENTS);
        }
        long start = System.nanoTime();
        long topicRecords = kafka.readAll(Topics.ACTIVITY_EVENTS, record -> {});
        double rawConsumerRate = topicRecords / RawKafka.seconds(System.nanoTime() - start);
        stack.startReporting();

        Api reporting = stack.reporting();
        reporting.postAuthenticated("/actuator/rebuild", null, 200);
        Instant asked = Instant.now();
        AtomicReference<JsonNode> status = new AtomicReference<>();
        boolean finished = Waiting.within(timeout, Duration.ofSeconds(1), () -> {
            status.set(reporting.getAuthenticated("/actuator/rebuild"));
            return !"RUNNING".equals(status.get().path("state").asText());
        });
        JsonNode last = status.get();
        boolean done = finished && "DONE".equals(last.path("state").asText());
        Duration elapsed = done
                ? Duration.between(
                        Instant.parse(last.path("startedAt").asText()),
                        Instant.parse(last.path("finishedAt").asText()))
                : Duration.between(asked, Instant.now());
        long replayed = last.path("applied").asLong() + last.path("skipped").asLong();
        long doneAfter = done ? ProgressPage.trafficControlsDone(reporting.get(Stack.PROGRESS)) : -1;
        return new Figures(
                events,
                topicRecords,
                rawConsumerRate,
                replayed / (elapsed.toMillis() / 1000.0),
                done,
                elapsed,
                replayed,
                doneBefore + in2021,
                doneAfter,
                last.path("failure").asText(finished ? "" : "not finished within " + timeout.toSeconds() + " s"));
    }

    /** The first event of this run's ingest on the activity topic. */
    private ConsumerRecord<byte[], byte[]> templateEvent() {
        String key = PoliceRecords.activityId(police.controlId("I", 0));
        AtomicReference<ConsumerRecord<byte[], byte[]>> found = new AtomicReference<>();
        kafka.readAll(Topics.ACTIVITY_EVENTS, record -> {
            if (found.get() == null && key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                found.set(record);
            }
        });
        if (found.get() == null) {
            throw new IllegalStateException("no event of " + key + " on " + Topics.ACTIVITY_EVENTS);
        }
        return found.get();
    }

    /** Returns how many of the events count for 2021. */
    private long writeHistory(HistoryEvents history, int events) {
        long in2021 = 0;
        try (KafkaProducer<String, String> producer = kafka.bulkProducer()) {
            for (int n = 0; n < events; n++) {
                String controlId = police.controlId("H", n);
                producer.send(new ProducerRecord<>(
                        Topics.ACTIVITY_EVENTS,
                        null,
                        PoliceRecords.activityId(controlId),
                        history.value(controlId, n),
                        history.headers()));
                if (HistoryEvents.countsIn2021(n)) {
                    in2021++;
                }
            }
            producer.flush();
        }
        return in2021;
    }
}
