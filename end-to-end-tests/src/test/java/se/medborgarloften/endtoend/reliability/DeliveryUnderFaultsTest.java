package se.medborgarloften.endtoend.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.platform.messaging.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's fault tests on a real broker process, the services as processes and the MongoDB wire protocol: each fault
 * is injected while traffic controls are posted over HTTP, and each test then counts exactly what was accepted, what
 * reached {@code activity.events.v1}, what reporting-service applied and what was dead-lettered, and prints it.
 *
 * <p>Every test posts its own activities and compares against the totals it found, so each runs alone too:
 * {@code -Dtest=DeliveryUnderFaultsTest#<method>}. The broker outage lasts {@code -Dreliability.outage} (an ISO-8601
 * duration, 30 s unless set; CI may set PT10S).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryUnderFaultsTest {

    static final Duration OUTAGE = Duration.parse(System.getProperty("reliability.outage", "PT30S"));
    static final Duration CATCH_UP = Duration.ofMinutes(2);

    FaultStack stack;

    @BeforeAll
    void startStack() {
        stack = new FaultStack();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void backlog_dead_letters_breaker_state_and_consumer_lag_are_published_as_metrics() {
        Api activity = stack.activities();
        Api reporting = stack.reports();

        assertThat(metric(activity, "outbox.backlog")).isZero();
        assertThat(metric(activity, "messaging.dlq.records?tag=topic:" + Topics.POLICE_TRAFFIC_CONTROLS))
                .isZero();
        double deadLettersBefore = metric(reporting, "messaging.dlq.records?tag=topic:" + Topics.ACTIVITY_EVENTS);
        assertThat(metric(activity, "resilience4j.circuitbreaker.state?tag=name:outbox-relay&tag=state:closed"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metric(
                                reporting,
                                "spring.cloud.stream.binder.kafka.offset?tag=topic:" + Topics.ACTIVITY_EVENTS))
                        .isNotNegative());

        int deadLettered = stack.sendPoisonRecord(Topics.ACTIVITY_EVENTS, "poison-metrics");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(stack.deadLetters("poison-metrics")).hasSize(deadLettered));
        assertThat(metric(reporting, "messaging.dlq.records?tag=topic:" + Topics.ACTIVITY_EVENTS))
                .isEqualTo(deadLettersBefore + deadLettered);

        for (Api service : List.of(activity, reporting)) {
            assertThat(relayBreakerState(service)).isEqualTo("CLOSED");
            JsonNode inHealth =
                    service.get("/actuator/health").json().get("components").get("circuitBreakers");
            assertThat(inHealth.get("details")
                            .get("outbox-relay")
                            .get("details")
                            .get("state")
                            .asString())
                    .isEqualTo("CLOSED");
        }
    }

    @Test
    @Order(2)
    void fault_1_every_write_accepted_while_the_broker_is_down_reaches_the_topic_and_the_report_once() {
        long doneBefore = stack.marchDone();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accepted.add(stack.postTrafficControl(i));
        }

        stack.broker.stop();
        Instant down = Instant.now();
        for (int i = 25; i < 50; i++) {
            accepted.add(stack.postTrafficControl(i));
        }
        Set<String> breakerStates = new LinkedHashSet<>();
        await().pollInterval(Duration.ofSeconds(1))
                .atMost(OUTAGE.plusSeconds(5))
                .until(() -> {
                    breakerStates.add(relayBreakerState(stack.activities()));
                    return Instant.now().isAfter(down.plus(OUTAGE));
                });
        assertThat(metric(stack.activities(), "outbox.backlog")).isPositive();
        stack.broker.start(FaultStack.STARTUP);

        Ledger ledger = settle(accepted, doneBefore);
        ledger.print("fault 1: broker stopped for " + OUTAGE.toSeconds() + " s, relay breaker " + breakerStates);
        ledger.assertExactlyOnce();
        if (OUTAGE.compareTo(Duration.ofSeconds(30)) >= 0) {
            assertThat(breakerStates).as("the relay stopped calling the broker").contains("OPEN");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(relayBreakerState(stack.activities())).isEqualTo("CLOSED"));
        assertThat(metric(stack.activities(), "outbox.backlog")).isZero();
    }

    @Test
    @Order(3)
    void fault_3_every_event_delivered_twice_leaves_the_totals_unchanged() {
        long doneBefore = stack.marchDone();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(stack.postTrafficControl(i));
        }
        Ledger first = settle(accepted, doneBefore);
        first.assertExactlyOnce();
        long doneAfterFirst = stack.marchDone();

        int redelivered = stack.republishAll(Topics.ACTIVITY_EVENTS);
        stack.awaitConsumed(FaultStack.REPORTING_GROUP, Topics.ACTIVITY_EVENTS);

        Ledger ledger = ledger(accepted, doneBefore);
        ledger.print("fault 3: all " + redelivered + " activity events delivered twice");
        assertThat(stack.marchDone()).isEqualTo(doneAfterFirst);
        assertThat(ledger.applied()).isEqualTo(accepted.size());
        assertThat(ledger.duplicated()).isEqualTo(accepted.size());
        assertThat(ledger.deadLettered()).isZero();
    }

    @Test
    @Order(4)
    void fault_6_reporting_service_restarted_mid_stream_loses_nothing_and_counts_nothing_twice() {
        long doneBefore = stack.marchDone();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(stack.postTrafficControl(i));
        }
        stack.stopReporting();
        for (int i = 10; i < 20; i++) {
            accepted.add(stack.postTrafficControl(i));
        }
        stack.startReporting();
        for (int i = 20; i < 30; i++) {
            accepted.add(stack.postTrafficControl(i));
        }

        Ledger ledger = settle(accepted, doneBefore);
        ledger.print("fault 6: reporting-service stopped and started again mid-stream");
        ledger.assertExactlyOnce();
    }

    /** Waits until reporting shows every accepted write and has consumed the whole topic, then counts. */
    private Ledger settle(List<String> accepted, long doneBefore) {
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> stack.marchDone() >= doneBefore + accepted.size());
        stack.awaitConsumed(FaultStack.REPORTING_GROUP, Topics.ACTIVITY_EVENTS);
        return ledger(accepted, doneBefore);
    }

    private Ledger ledger(List<String> accepted, long doneBefore) {
        Set<String> ids = Set.copyOf(accepted);
        Map<String, Long> deliveries = stack.readAll(Topics.ACTIVITY_EVENTS).stream()
                .filter(record -> ids.contains(record.key()))
                .map(record -> Api.parse(record.value()).get("data"))
                .collect(Collectors.groupingBy(
                        data -> data.get("aggregateId").asString() + "@"
                                + data.get("aggregateVersion").asLong(),
                        Collectors.counting()));
        long onTopic = deliveries.values().stream().mapToLong(Long::longValue).sum();
        List<ConsumerRecord<String, String>> deadLetters = stack.deadLetters(ids);
        return new Ledger(
                accepted.size(),
                deliveries.keySet().stream()
                        .map(key -> key.substring(0, key.indexOf('@')))
                        .collect(Collectors.toSet())
                        .size(),
                stack.marchDone() - doneBefore,
                onTopic - deliveries.size(),
                deadLetters.size(),
                deliveries);
    }

    /**
     * What one fault test counted: writes accepted over HTTP, of those the ids found on the topic, the traffic controls
     * reporting applied, records on the topic beyond one per id and version, and records dead-lettered.
     */
    private record Ledger(
            int accepted, int onTopic, long applied, long duplicated, int deadLettered, Map<String, Long> deliveries) {

        void print(String fault) {
            System.out.printf(
                    "[%s] ids accepted=%d on-topic=%d applied=%d duplicated=%d dead-lettered=%d%n",
                    fault, accepted, onTopic, applied, duplicated, deadLettered);
        }

        void assertExactlyOnce() {
            assertThat(onTopic).as("accepted ids on the topic").isEqualTo(accepted);
            assertThat(deliveries.keySet())
                    .as("one event, version 1, per accepted id")
                    .allMatch(key -> key.endsWith("@1"));
            assertThat(deliveries)
                    .as("each id and version delivered once")
                    .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
            assertThat(applied).as("reporting applied each accepted write once").isEqualTo(accepted);
            assertThat(deadLettered).isZero();
        }
    }

    private static double metric(Api service, String nameAndTags) {
        var reply = service.get("/actuator/metrics/" + nameAndTags);
        assertThat(reply.status()).as("%s: %s", nameAndTags, reply.body()).isEqualTo(200);
        return reply.json().get("measurements").get(0).get("value").asDouble();
    }

    /** From /actuator/circuitbreakers, which answers at once; /actuator/health waits on the broker's check. */
    private static String relayBreakerState(Api service) {
        return service.get("/actuator/circuitbreakers")
                .json()
                .get("circuitBreakers")
                .get("outbox-relay")
                .get("state")
                .asString();
    }
}
