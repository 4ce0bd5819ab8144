package se.medborgarloften.endtoend.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.endtoend.reliability.FaultStack.Target;
import se.medborgarloften.platform.messaging.dlq.DeadLetterGroup;
import se.medborgarloften.platform.messaging.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's fault tests on a real broker process, the services as processes and the MongoDB wire protocol: each fault
 * is injected while traffic controls (and, where the issue says so, dialogue feedback) are posted over HTTP, and each
 * test then counts exactly what was accepted, what reached its topic, what reporting-service applied, what was
 * delivered twice and what was dead-lettered, and prints it.
 *
 * <p>Every test posts its own writes and compares against the totals it found, so each runs alone too:
 * {@code -Dtest=DeliveryUnderFaultsTest#<method>}. The broker outage lasts {@code -Dreliability.outage} (an ISO-8601
 * duration, 30 s unless set; CI may set PT10S).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryUnderFaultsTest {

    static final Duration OUTAGE = Duration.parse(System.getProperty("reliability.outage", "PT30S"));
    static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** Concern categories the feedback cycles through; each gets at least 3 citizens, so no count is withheld. */
    static final List<String> CATEGORIES = List.of("TRAFFIC", "LIGHTING", "DRUG_TRADE");

    final String run = Long.toString(System.nanoTime(), 36);
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
        assertThat(metric(Target.ACTIVITY, "outbox.backlog")).isZero();
        assertThat(metric(Target.DIALOGUE, "outbox.backlog")).isZero();
        assertThat(metric(Target.ACTIVITY, "messaging.dlq.records?tag=topic:" + Topics.POLICE_TRAFFIC_CONTROLS))
                .isZero();
        double deadLettersBefore =
                metric(Target.REPORTING, "messaging.dlq.records?tag=topic:" + Topics.ACTIVITY_EVENTS);
        assertThat(metric(Target.ACTIVITY, "resilience4j.circuitbreaker.state?tag=name:outbox-relay&tag=state:closed"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(metric(
                                Target.REPORTING,
                                "spring.cloud.stream.binder.kafka.offset?tag=topic:" + Topics.ACTIVITY_EVENTS))
                        .isNotNegative());

        String key = "poison-metrics-" + run;
        stack.sendPoisonRecord(Topics.ACTIVITY_EVENTS, key);
        int deadLettered = FaultStack.REPORTING_GROUPS_OF_ACTIVITY_EVENTS.size();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stack.deadLetters(key)).hasSize(deadLettered));
        assertThat(groupsOf(stack.deadLetters(key)))
                .containsExactlyInAnyOrderElementsOf(FaultStack.REPORTING_GROUPS_OF_ACTIVITY_EVENTS);
        assertThat(metric(Target.REPORTING, "messaging.dlq.records?tag=topic:" + Topics.ACTIVITY_EVENTS))
                .isEqualTo(deadLettersBefore + deadLettered);

        for (Target service : List.of(Target.ACTIVITY, Target.DIALOGUE, Target.REPORTING)) {
            assertThat(relayBreakerState(service)).isEqualTo("CLOSED");
            JsonNode inHealth = stack.get(service, "/actuator/health")
                    .json()
                    .get("components")
                    .get("circuitBreakers");
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
        String area = "Fault 1 " + run;
        String dialogueId = stack.recordDialogue(area, "2021-03-02");
        List<String> accepted = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accepted.add(stack.postTrafficControl(i));
            if (i % 5 == 0) {
                feedback.add(stack.postFeedback(dialogueId, category(feedback.size())));
            }
        }

        stack.broker.stop();
        Instant down = Instant.now();
        for (int i = 25; i < 50; i++) {
            accepted.add(stack.postTrafficControl(i));
            if (i % 2 == 0) {
                feedback.add(stack.postFeedback(dialogueId, category(feedback.size())));
            }
        }
        Set<String> breakerStates = new LinkedHashSet<>();
        Map<Target, Instant> opened = new TreeMap<>();
        await().pollInterval(Duration.ofMillis(500))
                .atMost(OUTAGE.plusSeconds(5))
                .until(() -> {
                    for (Target service : List.of(Target.ACTIVITY, Target.DIALOGUE)) {
                        String state = relayBreakerState(service);
                        breakerStates.add(service.name().toLowerCase() + ":" + state);
                        if (state.equals("OPEN")) {
                            opened.putIfAbsent(service, Instant.now());
                        }
                    }
                    return Instant.now().isAfter(down.plus(OUTAGE));
                });
        assertThat(metric(Target.ACTIVITY, "outbox.backlog")).isPositive();
        assertThat(metric(Target.DIALOGUE, "outbox.backlog")).isPositive();
        stack.broker.start(FaultStack.STARTUP);

        Ledger ledger = settle(accepted, doneBefore);
        FeedbackLedger feedbackLedger = settleFeedback(dialogueId, feedback, area, "03");
        Map<Target, Long> secondsToOpen = new TreeMap<>();
        opened.forEach((service, at) ->
                secondsToOpen.put(service, Duration.between(down, at).toSeconds()));
        ledger.print("fault 1: broker stopped for " + OUTAGE.toSeconds() + " s, activities; relay breakers "
                + breakerStates + ", opened after (s) " + secondsToOpen);
        feedbackLedger.print("fault 1: broker stopped for " + OUTAGE.toSeconds() + " s, feedback on one dialogue");
        ledger.assertExactlyOnce();
        feedbackLedger.assertExactlyOnce(feedback.size(), expectedConcerns(feedback.size()));
        if (OUTAGE.compareTo(Duration.ofSeconds(15)) >= 0) {
            assertThat(opened)
                    .as("the relays stopped calling the broker")
                    .containsKeys(Target.ACTIVITY, Target.DIALOGUE);
        }
        for (Target service : List.of(Target.ACTIVITY, Target.DIALOGUE)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(relayBreakerState(service)).isEqualTo("CLOSED"));
            assertThat(metric(service, "outbox.backlog")).isZero();
        }
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

    /**
     * Every poison record is dead-lettered by each consumer group that reads it, with the group named in
     * {@value DeadLetterGroup#HEADER}: on {@code police.traffic-controls.v1} that is activity-service alone; on
     * {@code activity.events.v1} both groups of reporting-service (promise progress and the situation picture), so each
     * unreadable event is exactly two dead letters, one per group, and each group can replay or dismiss its own.
     */
    @Test
    @Order(5)
    void fault_4_each_kind_of_poison_record_is_dead_lettered_and_the_records_behind_it_are_processed() {
        Map<String, String> poisonByKind = new LinkedHashMap<>();
        Map<String, String> reasonByKind = new LinkedHashMap<>();
        poisonByKind.put("not-json", "{this is not JSON");
        reasonByKind.put("not-json", "not valid JSON");
        poisonByKind.put("not-an-object", "[1, 2, 3]");
        reasonByKind.put("not-an-object", "expected a JSON object, got an array");
        poisonByKind.put("wrong-schema", """
                {"controlId":"%s","municipalityCode":"1293"}""");
        reasonByKind.put("wrong-schema", "endedAt: is required");
        poisonByKind.put("wrong-type", policeRecord("%s", "\"many\"", "2021-03-10T09:00:00+01:00", "SPEED"));
        reasonByKind.put("wrong-type", "vehiclesChecked: has the wrong type or format");
        poisonByKind.put("negative-count", policeRecord("%s", "-5", "2021-03-10T09:00:00+01:00", "SPEED"));
        reasonByKind.put("negative-count", "vehiclesChecked: must not be negative");
        poisonByKind.put("ended-before-started", policeRecord("%s", "12", "2021-03-10T06:00:00+01:00", "SPEED"));
        reasonByKind.put("ended-before-started", "endedAt: must not be before startedAt");
        poisonByKind.put("unknown-kind", policeRecord("%s", "12", "2021-03-10T09:00:00+01:00", "JUGGLING"));
        reasonByKind.put("unknown-kind", "kind: unknown kind JUGGLING");

        String policeDlq = "messaging.dlq.records?tag=topic:" + Topics.POLICE_TRAFFIC_CONTROLS;
        String activityDlq = "messaging.dlq.records?tag=topic:" + Topics.ACTIVITY_EVENTS;
        double policeDeadBefore = metric(Target.ACTIVITY, policeDlq);
        double activityDeadBefore = metric(Target.REPORTING, activityDlq);
        long doneBefore = stack.marchDone();

        // Each poison record is followed, on its own key and so its own partition, by a valid record.
        Map<String, String> kindByKey = new LinkedHashMap<>();
        for (var poison : poisonByKind.entrySet()) {
            String controlId = "RPS-1293-2021-F4-" + poison.getKey() + "-" + run;
            kindByKey.put(controlId, poison.getKey());
            stack.send(
                    Topics.POLICE_TRAFFIC_CONTROLS, controlId, poison.getValue().formatted(controlId));
            stack.send(
                    Topics.POLICE_TRAFFIC_CONTROLS,
                    controlId,
                    policeRecord(controlId, "12", "2021-03-10T09:00:00+01:00", "SPEED"));
        }
        // An unreadable CloudEvent, an array and one of an unknown type on the activity events, then real writes.
        Map<String, String> eventReasonByKey = new LinkedHashMap<>();
        String unreadable = "F4-unreadable-" + run;
        String array = "F4-array-" + run;
        String unknownType = "F4-unknown-type-" + run;
        stack.send(Topics.ACTIVITY_EVENTS, unreadable, """
                {"specversion":"1.0","source":"/poison","datacontenttype":"application/json"}""");
        eventReasonByKey.put(unreadable, "CloudEvent without id, type or data");
        stack.send(Topics.ACTIVITY_EVENTS, array, "[1, 2, 3]");
        eventReasonByKey.put(array, "expected a JSON object, got an array");
        stack.send(Topics.ACTIVITY_EVENTS, unknownType, """
                {"specversion":"1.0","id":"%s","source":"/poison","type":"se.medborgarloften.activity.Teleported",
                 "datacontenttype":"application/json","data":{"kind":"teleported"}}""".formatted(run));
        eventReasonByKey.put(unknownType, "not a readable CloudEvent");
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(stack.postTrafficControl(i));
        }

        int expectedPolice = poisonByKind.size();
        int expectedEvents = eventReasonByKey.size() * FaultStack.REPORTING_GROUPS_OF_ACTIVITY_EVENTS.size();
        int validBehind = poisonByKind.size() + accepted.size();
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> stack.marchDone() >= doneBefore + validBehind);
        stack.awaitConsumed("activity-service", Topics.POLICE_TRAFFIC_CONTROLS);
        stack.awaitConsumed(FaultStack.REPORTING_GROUP, Topics.ACTIVITY_EVENTS);
        stack.awaitConsumed(FaultStack.SITUATION_GROUP, Topics.ACTIVITY_EVENTS);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stack.deadLetters(Topics.ACTIVITY_EVENTS, eventReasonByKey.keySet()))
                        .hasSize(expectedEvents));

        List<ConsumerRecord<String, String>> policeDead =
                stack.deadLetters(Topics.POLICE_TRAFFIC_CONTROLS, kindByKey.keySet());
        List<ConsumerRecord<String, String>> eventsDead =
                stack.deadLetters(Topics.ACTIVITY_EVENTS, eventReasonByKey.keySet());
        long applied = stack.marchDone() - doneBefore;
        Map<String, Long> eventsDeadByGroup = eventsDead.stream()
                .collect(Collectors.groupingBy(
                        record -> DeadLetterGroup.of(record).orElse("?"), TreeMap::new, Collectors.counting()));
        System.out.printf(
                "[fault 4: poison records %s on %s, %s on %s] accepted=%d valid-behind=%d applied=%d"
                        + " duplicated=0 dead-lettered=%d (police=%d by %s, events=%d by %s)%n",
                poisonByKind.keySet(),
                Topics.POLICE_TRAFFIC_CONTROLS,
                List.of("unreadable", "array", "unknown-type"),
                Topics.ACTIVITY_EVENTS,
                accepted.size(),
                validBehind,
                applied,
                policeDead.size() + eventsDead.size(),
                policeDead.size(),
                groupsOf(policeDead),
                eventsDead.size(),
                eventsDeadByGroup);
        List<DeadLetter> police = policeDead.stream().map(DeadLetter::of).toList();
        List<DeadLetter> events = eventsDead.stream().map(DeadLetter::of).toList();
        police.forEach(DeadLetter::print);
        events.forEach(DeadLetter::print);

        assertThat(police).as("one dead letter per poison record").hasSize(expectedPolice);
        assertThat(police.stream().map(DeadLetter::key).collect(Collectors.toSet()))
                .isEqualTo(kindByKey.keySet());
        assertThat(police).allSatisfy(dead -> {
            assertThat(dead.reason()).contains(reasonByKind.get(kindByKey.get(dead.key())));
            assertThat(dead.reason()).doesNotContain("CTRL-CHAR");
            assertThat(dead.group()).isEqualTo("activity-service");
        });
        assertThat(events).as("each unreadable event once per consumer group").hasSize(expectedEvents);
        for (String group : FaultStack.REPORTING_GROUPS_OF_ACTIVITY_EVENTS) {
            assertThat(events.stream()
                            .filter(dead -> dead.group().equals(group))
                            .map(DeadLetter::key)
                            .toList())
                    .as("dead letters of %s", group)
                    .containsExactlyInAnyOrderElementsOf(eventReasonByKey.keySet());
        }
        assertThat(events).allSatisfy(dead -> assertThat(dead.reason()).contains(eventReasonByKey.get(dead.key())));
        assertThat(applied).as("every valid record behind a poison one, once").isEqualTo(validBehind);
        assertThat(metric(Target.ACTIVITY, policeDlq)).isEqualTo(policeDeadBefore + expectedPolice);
        assertThat(metric(Target.REPORTING, activityDlq)).isEqualTo(activityDeadBefore + expectedEvents);
    }

    @Test
    @Order(6)
    void fault_5_store_stopped_under_load_answers_503_loses_nothing_acknowledged_and_recovers_by_itself() {
        long doneBefore = stack.marchDone();
        String area = "Fault 5 " + run;
        String dialogueId = stack.recordDialogue(area, "2021-04-06");
        List<String> accepted = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            accepted.add(stack.postTrafficControl(i));
            if (i % 3 == 0) {
                feedback.add(stack.postFeedback(dialogueId, category(feedback.size())));
            }
        }
        stack.store.stop();
        // The police feed keeps sending while activity-service cannot store: its batches must wait, not be dropped.
        List<String> policeDuringOutage = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String controlId = "RPS-1293-2021-F5-" + i + "-" + run;
            stack.send(
                    Topics.POLICE_TRAFFIC_CONTROLS,
                    controlId,
                    policeRecord(controlId, "12", "2021-03-10T09:00:00+01:00", "SPEED"));
            policeDuringOutage.add(controlId);
            accepted.add("tc-" + controlId);
        }
        Map<String, Integer> refusedByStatus = new TreeMap<>();
        List<Api.Reply> refusals = new ArrayList<>();
        for (int i = 10; i < 13; i++) {
            for (Api.Reply reply : List.of(
                    stack.tryPostTrafficControl(i), stack.tryPostFeedback(dialogueId, category(feedback.size())))) {
                if (reply.status() == 201) {
                    throw new AssertionError("a write was accepted while the store was down: " + reply.body());
                }
                refusedByStatus.merge(
                        reply.response().uri().getPath().contains("feedback")
                                ? "feedback " + reply.status()
                                : "activity " + reply.status(),
                        1,
                        Integer::sum);
                refusals.add(reply);
            }
        }
        stack.store.start(FaultStack.STARTUP);
        Instant back = Instant.now();
        // The services are not restarted: each must find the store again by itself.
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
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Api.Reply reply = stack.tryPostFeedback(dialogueId, category(feedback.size()));
                    if (reply.status() == 201) {
                        feedback.add(FaultStack.feedbackId(reply));
                        return true;
                    }
                    return false;
                });
        Duration recovery = Duration.between(back, Instant.now());
        for (int i = 30; i < 40; i++) {
            accepted.add(stack.postTrafficControl(i));
        }
        while (feedback.size() < 9) {
            feedback.add(stack.postFeedback(dialogueId, category(feedback.size())));
        }

        Ledger ledger = settle(accepted, doneBefore);
        FeedbackLedger feedbackLedger = settleFeedback(dialogueId, feedback, area, "04");
        ledger.print("fault 5: store stopped, " + refusals.size() + " writes refused " + refusedByStatus
                + ", both services recovered " + recovery.toMillis() + " ms after the store returned; activities");
        feedbackLedger.print("fault 5: store stopped; feedback on one dialogue");
        refusals.stream()
                .filter(reply -> reply.response().uri().getPath().contains("feedback"))
                .findFirst()
                .ifPresent(r -> System.out.println("  refusal: " + r.status() + " Retry-After "
                        + r.header("Retry-After").orElse("-") + " " + r.body()));
        assertThat(stack.deadLetters(Topics.POLICE_TRAFFIC_CONTROLS, Set.copyOf(policeDuringOutage)))
                .as("police records sent while the store was down")
                .isEmpty();
        assertThat(refusals).as("writes while the store is down").hasSize(6);
        assertThat(refusals).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.header("Retry-After")).isPresent();
        });
        // The relay may publish an event again when the store went away before it could mark it sent (at least once
        // on the topic); reporting must still apply each accepted write exactly once.
        ledger.assertEveryAcceptedAppliedOnce();
        feedbackLedger.assertEveryAcceptedAppliedOnce(feedback.size(), expectedConcerns(feedback.size()));
    }

    /**
     * Kills reporting-service while it applies a batch: each time, a burst of traffic controls is posted while it is
     * down, a new one is started, and it is killed (SIGKILL) as soon as its day counts hold a few of the burst (the
     * first thing a batch writes; the views and the offset commit come last). After each kill the test reads, from
     * the dead service's database and the broker, which counted events lie beyond the committed offsets: those will
     * certainly be delivered again, and the totals must not move when they are. A batch is short, so a kill may land
     * just after its commit; such a kill proves nothing and is tried again, up to {@value #KILL_ATTEMPTS} times.
     */
    @Test
    @Order(7)
    void fault_2_consumer_killed_between_store_write_and_offset_commit_several_times_leaves_totals_exact() {
        long doneBefore = stack.marchDone();
        List<String> accepted = new ArrayList<>();
        List<KillInBatch> kills = new ArrayList<>();
        int posted = 0;
        stack.killReporting();
        for (int kill = 1; kill <= 3; kill++) {
            KillInBatch landed = null;
            for (int attempt = 1;
                    attempt <= KILL_ATTEMPTS && (landed == null || landed.appliedBeyondCommit() == 0);
                    attempt++) {
                List<String> burst = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    burst.add(stack.postTrafficControl(posted++));
                }
                accepted.addAll(burst);
                stack.launchReporting();
                await().atMost(FaultStack.STARTUP)
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(1))
                        .until(() -> stack.countedInProgress(burst).size() >= 3);
                stack.killReporting();
                landed = KillInBatch.inspect(kill, stack, accepted);
            }
            kills.add(landed);
        }
        stack.startReporting();

        Ledger ledger = settle(List.copyOf(accepted), doneBefore);
        List<Long> appliedBeyondCommit =
                kills.stream().map(KillInBatch::appliedBeyondCommit).toList();
        ledger.print("fault 2: reporting-service killed (SIGKILL) 3 times inside a batch, applied but uncommitted"
                + " events at each kill " + appliedBeyondCommit);
        kills.forEach(KillInBatch::print);
        assertThat(kills)
                .as("kills that fell between a store write and its offset commit")
                .allMatch(kill -> kill.appliedBeyondCommit() > 0);
        ledger.assertExactlyOnce();
    }

    /**
     * What one kill left behind: of the accepted activity events, how many progress had counted, how many lay beyond
     * the committed offsets of reporting-service's group (to be delivered again), and how many of those it had
     * already applied, which makes their redelivery certain.
     */
    private static final int KILL_ATTEMPTS = 4;

    private record KillInBatch(int number, int stored, int beyondCommit, long appliedBeyondCommit) {

        static KillInBatch inspect(int number, FaultStack stack, List<String> accepted) {
            Map<TopicPartition, Long> committed =
                    stack.committedOffsets(FaultStack.REPORTING_GROUP, Topics.ACTIVITY_EVENTS);
            Set<String> stored = stack.countedInProgress(accepted);
            Set<String> ids = Set.copyOf(accepted);
            List<ConsumerRecord<String, String>> beyond = stack.readAll(Topics.ACTIVITY_EVENTS).stream()
                    .filter(record -> ids.contains(record.key()))
                    .filter(record ->
                            record.offset() >= committed.get(new TopicPartition(record.topic(), record.partition())))
                    .toList();
            long applied = beyond.stream()
                    .filter(record -> stored.contains(record.key()))
                    .count();
            return new KillInBatch(number, stored.size(), beyond.size(), applied);
        }

        void print() {
            System.out.printf(
                    "  kill %d: progress had counted %d events; %d lay beyond the committed offsets, %d of them already"
                            + " applied (redelivered after the restart)%n",
                    number, stored, beyondCommit, appliedBeyondCommit);
        }
    }

    private static String category(int index) {
        return CATEGORIES.get(index % CATEGORIES.size());
    }

    private static Map<String, Long> expectedConcerns(int feedback) {
        Map<String, Long> concerns = new TreeMap<>();
        for (int i = 0; i < feedback; i++) {
            concerns.merge(category(i), 1L, Long::sum);
        }
        return concerns;
    }

    private static Set<String> groupsOf(List<ConsumerRecord<String, String>> deadLetters) {
        return deadLetters.stream()
                .map(record -> DeadLetterGroup.of(record).orElse("?"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String policeRecord(String controlId, String vehiclesChecked, String endedAt, String kind) {
        return """
                {"controlId":"%s","municipalityCode":"1293",
                 "location":{"name":"Väg 21 norr om Hässleholm","lat":56.17,"lon":13.77},
                 "startedAt":"2021-03-10T07:30:00+01:00","endedAt":"%s","kind":"%s","targeted":true,
                 "vehiclesChecked":%s,"violations":1,"unit":"LPO Hässleholm"}""".formatted(controlId, endedAt, kind, vehiclesChecked);
    }

    /** A dead letter as an operator reads it: the record's key, the consumer group that gave up, and why. */
    private record DeadLetter(String key, String group, String reason) {

        static DeadLetter of(ConsumerRecord<String, String> record) {
            var header = record.headers().lastHeader("x-exception-message");
            return new DeadLetter(
                    record.key(),
                    DeadLetterGroup.of(record).orElse("?"),
                    header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }

        void print() {
            System.out.printf("  dead letter %s [%s]: %s%n", key, group, reason);
        }
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
            assertEveryAcceptedAppliedOnce();
            assertThat(deliveries)
                    .as("each id and version delivered once")
                    .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        }
    }

    /**
     * Waits until reporting's situation picture of the dialogue's area counts every accepted feedback item and its
     * group has consumed the dialogue events, then counts.
     */
    private FeedbackLedger settleFeedback(String dialogueId, List<String> feedback, String area, String month) {
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> answers(stack.situation(area, month)) >= feedback.size());
        stack.awaitConsumed(FaultStack.SITUATION_GROUP, Topics.DIALOGUE_EVENTS);
        List<ConsumerRecord<String, String>> events = stack.readAll(Topics.DIALOGUE_EVENTS).stream()
                .filter(record -> record.key().equals(dialogueId))
                .toList();
        Map<Long, Long> versions = new TreeMap<>();
        Set<String> feedbackOnTopic = new LinkedHashSet<>();
        for (var record : events) {
            JsonNode data = Api.parse(record.value()).get("data");
            versions.merge(data.get("aggregateVersion").asLong(), 1L, Long::sum);
            if (data.hasNonNull("feedbackId")) {
                feedbackOnTopic.add(data.get("feedbackId").asString());
            }
        }
        feedbackOnTopic.retainAll(Set.copyOf(feedback));
        JsonNode picture = stack.situation(area, month);
        Map<String, Long> concerns = new TreeMap<>();
        picture.get("concerns")
                .forEach(concern -> concerns.put(
                        concern.get("category").asString(),
                        concern.get("citizens").isNull()
                                ? -1
                                : concern.get("citizens").asLong()));
        return new FeedbackLedger(
                feedback.size(),
                feedbackOnTopic.size(),
                answers(picture),
                events.size() - versions.size(),
                stack.deadLetters(Topics.DIALOGUE_EVENTS, Set.of(dialogueId)).size(),
                versions,
                concerns);
    }

    private static long answers(JsonNode picture) {
        return picture.get("perceivedSafety").get("answers").asLong();
    }

    /**
     * The dialogue's count: feedback items accepted over HTTP, of those the ids found on {@code dialogue.events.v1},
     * the items the situation picture counts (its perceived-safety answers, one per item), events on the topic beyond
     * one per dialogue version, dead letters of the dialogue; and the picture's citizens per concern category.
     */
    private record FeedbackLedger(
            int accepted,
            int onTopic,
            long applied,
            long duplicated,
            int deadLettered,
            Map<Long, Long> versions,
            Map<String, Long> concerns) {

        void print(String fault) {
            System.out.printf(
                    "[%s] feedback accepted=%d on-topic=%d applied=%d duplicated=%d dead-lettered=%d concerns=%s%n",
                    fault, accepted, onTopic, applied, duplicated, deadLettered, concerns);
        }

        void assertEveryAcceptedAppliedOnce(int feedback, Map<String, Long> expectedConcerns) {
            assertThat(onTopic).as("accepted feedback on the topic").isEqualTo(accepted);
            assertThat(versions.keySet())
                    .as("one event per version: the dialogue recorded, then each feedback item")
                    .hasSize(feedback + 1)
                    .allMatch(version -> version >= 1 && version <= feedback + 1);
            assertThat(applied)
                    .as("the situation picture counts each accepted item once")
                    .isEqualTo(accepted);
            assertThat(concerns).as("citizens per concern category").isEqualTo(expectedConcerns);
            assertThat(deadLettered).isZero();
        }

        void assertExactlyOnce(int feedback, Map<String, Long> expectedConcerns) {
            assertEveryAcceptedAppliedOnce(feedback, expectedConcerns);
            assertThat(versions)
                    .as("each dialogue version delivered once")
                    .allSatisfy((version, count) -> assertThat(count).isEqualTo(1));
        }
    }

    private double metric(Target service, String nameAndTags) {
        var reply = stack.get(service, "/actuator/metrics/" + nameAndTags);
        assertThat(reply.status()).as("%s: %s", nameAndTags, reply.body()).isEqualTo(200);
        return reply.json().get("measurements").get(0).get("value").asDouble();
    }

    /** From /actuator/circuitbreakers, which answers at once; /actuator/health waits on the broker's check. */
    private String relayBreakerState(Target service) {
        return stack.get(service, "/actuator/circuitbreakers")
                .json()
                .get("circuitBreakers")
                .get("outbox-relay")
                .get("state")
                .asString();
    }
}
