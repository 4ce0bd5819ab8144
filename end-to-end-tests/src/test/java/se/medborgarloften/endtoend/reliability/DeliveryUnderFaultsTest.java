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

    @Test
    @Order(5)
    void fault_4_each_kind_of_poison_record_is_dead_lettered_and_the_records_behind_it_are_processed() {
        String run = Long.toString(System.nanoTime(), 36);
        Map<String, String> poisonByKind = new java.util.LinkedHashMap<>();
        poisonByKind.put("not-json", "{this is not JSON");
        poisonByKind.put("not-an-object", "[1, 2, 3]");
        poisonByKind.put("wrong-schema", """
                {"controlId":"%s","municipalityCode":"1293"}""");
        poisonByKind.put("wrong-type", policeRecord("%s", "\"many\"", "2021-03-10T09:00:00+01:00", "SPEED"));
        poisonByKind.put("negative-count", policeRecord("%s", "-5", "2021-03-10T09:00:00+01:00", "SPEED"));
        poisonByKind.put("ended-before-started", policeRecord("%s", "12", "2021-03-10T06:00:00+01:00", "SPEED"));
        poisonByKind.put("unknown-kind", policeRecord("%s", "12", "2021-03-10T09:00:00+01:00", "JUGGLING"));

        String policeDlq = "messaging.dlq.records?tag=topic:" + Topics.POLICE_TRAFFIC_CONTROLS;
        String activityDlq = "messaging.dlq.records?tag=topic:" + Topics.ACTIVITY_EVENTS;
        double policeDeadBefore = metric(stack.activities(), policeDlq);
        double activityDeadBefore = metric(stack.reports(), activityDlq);
        long doneBefore = stack.marchDone();

        // Each poison record is followed, on its own key and so its own partition, by a valid record.
        Set<String> policeKeys = new LinkedHashSet<>();
        for (var poison : poisonByKind.entrySet()) {
            String controlId = "RPS-1293-2021-F4-" + poison.getKey() + "-" + run;
            policeKeys.add(controlId);
            stack.send(
                    Topics.POLICE_TRAFFIC_CONTROLS, controlId, poison.getValue().formatted(controlId));
            stack.send(
                    Topics.POLICE_TRAFFIC_CONTROLS,
                    controlId,
                    policeRecord(controlId, "12", "2021-03-10T09:00:00+01:00", "SPEED"));
        }
        // An unreadable CloudEvent and one of an unknown type on the activity events, then real writes behind them.
        Set<String> eventKeys = Set.of("F4-unreadable-" + run, "F4-unknown-type-" + run);
        stack.send(Topics.ACTIVITY_EVENTS, "F4-unreadable-" + run, """
                {"specversion":"1.0","source":"/poison","datacontenttype":"application/json"}""");
        stack.send(Topics.ACTIVITY_EVENTS, "F4-unknown-type-" + run, """
                {"specversion":"1.0","id":"%s","source":"/poison","type":"se.medborgarloften.activity.Teleported",
                 "datacontenttype":"application/json","data":{"kind":"teleported"}}""".formatted(run));
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(stack.postTrafficControl(i));
        }

        int expectedPolice = poisonByKind.size();
        int expectedEvents = eventKeys.size() * FaultStack.REPORTING_GROUPS_OF_ACTIVITY_EVENTS;
        int validBehind = poisonByKind.size() + accepted.size();
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> stack.marchDone() >= doneBefore + validBehind);
        stack.awaitConsumed("activity-service", Topics.POLICE_TRAFFIC_CONTROLS);
        stack.awaitConsumed(FaultStack.REPORTING_GROUP, Topics.ACTIVITY_EVENTS);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stack.deadLetters(Topics.ACTIVITY_EVENTS, eventKeys))
                        .hasSize(expectedEvents));

        List<ConsumerRecord<String, String>> policeDead = stack.deadLetters(Topics.POLICE_TRAFFIC_CONTROLS, policeKeys);
        List<ConsumerRecord<String, String>> eventsDead = stack.deadLetters(Topics.ACTIVITY_EVENTS, eventKeys);
        long applied = stack.marchDone() - doneBefore;
        System.out.printf(
                "[fault 4: poison records %s on %s, 2 unreadable/unknown events on %s] valid records behind=%d"
                        + " applied=%d dead-lettered police=%d events=%d%n",
                poisonByKind.keySet(),
                Topics.POLICE_TRAFFIC_CONTROLS,
                Topics.ACTIVITY_EVENTS,
                validBehind,
                applied,
                policeDead.size(),
                eventsDead.size());
        policeDead.forEach(record -> System.out.printf("  dead letter %s: %s%n", record.key(), reason(record)));
        assertThat(policeDead).as("one dead letter per poison record").hasSize(expectedPolice);
        assertThat(policeDead.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .isEqualTo(policeKeys);
        assertThat(policeDead).allSatisfy(record -> assertThat(reason(record)).isNotBlank());
        assertThat(eventsDead).hasSize(expectedEvents);
        assertThat(applied).as("every valid record behind a poison one, once").isEqualTo(validBehind);
        assertThat(metric(stack.activities(), policeDlq)).isEqualTo(policeDeadBefore + expectedPolice);
        assertThat(metric(stack.reports(), activityDlq)).isEqualTo(activityDeadBefore + expectedEvents);
    }

    @Test
    @Order(6)
    void fault_5_store_stopped_under_load_answers_503_loses_nothing_acknowledged_and_recovers_by_itself() {
        long doneBefore = stack.marchDone();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(stack.postTrafficControl(i));
        }
        stack.store.stop();
        Map<Integer, Integer> refusedByStatus = new java.util.TreeMap<>();
        List<Api.Reply> refusals = new ArrayList<>();
        for (int i = 10; i < 15; i++) {
            Api.Reply reply = stack.tryPostTrafficControl(i);
            if (reply.status() == 201) {
                accepted.add(reply.json().get("id").asString());
            } else {
                refusedByStatus.merge(reply.status(), 1, Integer::sum);
                refusals.add(reply);
            }
        }
        stack.store.start(FaultStack.STARTUP);
        Instant back = Instant.now();
        // The service is not restarted: it must find the store again by itself.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Api.Reply reply = stack.tryPostTrafficControl(15 + accepted.size());
                    if (reply.status() == 201) {
                        accepted.add(reply.json().get("id").asString());
                        return true;
                    }
                    return false;
                });
        Duration recovery = Duration.between(back, Instant.now());
        for (int i = 30; i < 40; i++) {
            accepted.add(stack.postTrafficControl(i));
        }

        Ledger ledger = settle(accepted, doneBefore);
        ledger.print("fault 5: store stopped, " + refusals.size() + " writes refused " + refusedByStatus
                + ", recovered " + recovery.toMillis() + " ms after the store returned");
        refusals.stream()
                .findFirst()
                .ifPresent(r -> System.out.println("  refusal: " + r.status() + " "
                        + r.header("Retry-After").orElse("-") + " " + r.body()));
        assertThat(refusals).as("writes while the store is down").hasSize(5);
        assertThat(refusals).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.header("Retry-After")).isPresent();
        });
        // The relay may publish an event again when the store went away before it could mark it sent (at least once
        // on the topic); reporting must still apply each accepted write exactly once.
        ledger.assertEveryAcceptedAppliedOnce();
    }

    @Test
    @Order(7)
    void fault_2_consumer_killed_between_store_write_and_offset_commit_several_times_leaves_totals_exact()
            throws Exception {
        long doneBefore = stack.marchDone();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var poster = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var posting = poster.submit(() -> {
                for (int i = 0; !stop.get() && i < 400; i++) {
                    accepted.add(stack.postTrafficControl(i));
                    Thread.sleep(300);
                }
                return null;
            });
            for (int kill = 1; kill <= 3; kill++) {
                int seen = accepted.size();
                // Kill while reporting is applying events: after some of those posted since the last start arrive.
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .ignoreExceptions()
                        .until(() -> accepted.size() > seen + 3 && stack.marchDone() > doneBefore);
                stack.killReporting();
                stack.startReporting();
            }
            Thread.sleep(2000);
            stop.set(true);
            posting.get(5, java.util.concurrent.TimeUnit.MINUTES);
        } finally {
            poster.shutdownNow();
        }
        Ledger ledger = settle(List.copyOf(accepted), doneBefore);
        ledger.print("fault 2: reporting-service killed (SIGKILL) 3 times mid-stream");
        ledger.assertExactlyOnce();
    }

    private static String policeRecord(String controlId, String vehiclesChecked, String endedAt, String kind) {
        return """
                {"controlId":"%s","municipalityCode":"1293",
                 "location":{"name":"Väg 21 norr om Hässleholm","lat":56.17,"lon":13.77},
                 "startedAt":"2021-03-10T07:30:00+01:00","endedAt":"%s","kind":"%s","targeted":true,
                 "vehiclesChecked":%s,"violations":1,"unit":"LPO Hässleholm"}""".formatted(controlId, endedAt, kind, vehiclesChecked);
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("x-exception-message");
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
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

        void assertEveryAcceptedAppliedOnce() {
            assertThat(onTopic).as("accepted ids on the topic").isEqualTo(accepted);
            assertThat(deliveries.keySet())
                    .as("one event, version 1, per accepted id")
                    .allMatch(key -> key.endsWith("@1"));
            assertThat(applied).as("reporting applied each accepted write once").isEqualTo(accepted);
            assertThat(deadLettered).isZero();
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
