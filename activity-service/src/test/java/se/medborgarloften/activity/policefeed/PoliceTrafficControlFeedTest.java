package se.medborgarloften.activity.policefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The police feed as police systems use it: plain JSON records on {@code police.traffic-controls.v1}, keyed by
 * {@code controlId}, so that a control's repeat and correction arrive in the order they were sent. The first test sends
 * every record to one partition, so a later record there shows that the earlier ones have been dealt with.
 *
 * <p>The retry backoff is set far beyond the probes' patience: a malformed record reaches the DLQ in time only if it
 * is not retried.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = "spring.cloud.stream.bindings.trafficControls-in-0.consumer.back-off-initial-interval=30000")
class PoliceTrafficControlFeedTest {

    static final String RECORDED = "se.medborgarloften.activity.recorded.v1";
    static final String CORRECTED = "se.medborgarloften.activity.corrected.v1";
    static final int PARTITION = 0;
    /** Höör: the console-producer story's own municipality, so that a listing of it shows that story only. */
    static final String STORY_MUNICIPALITY = "1267";

    /** SPEC.md's record, verbatim. */
    static final String SPEC_RECORD = """
            {
              "controlId": "RPS-1293-2021-000123",
              "municipalityCode": "1293",
              "location": { "name": "Väg 21 norr om Hässleholm", "lat": 56.17, "lon": 13.77 },
              "startedAt": "2021-03-04T07:30:00+01:00",
              "endedAt": "2021-03-04T09:00:00+01:00",
              "kind": "SPEED",
              "targeted": true,
              "vehiclesChecked": 120,
              "violations": 7,
              "unit": "LPO Hässleholm"
            }""";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    KafkaProducer<String, String> police;

    @BeforeEach
    void connectPolice() {
        police = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void disconnectPolice() {
        police.close();
    }

    @Test
    void a_police_traffic_control_becomes_an_activity_a_repeat_changes_nothing_and_a_changed_repeat_corrects_it()
            throws Exception {
        String id = "tc-RPS-1293-2021-000123";
        try (var events = new TopicProbe(brokers, Topics.ACTIVITY_EVENTS)) {
            sendPolice("RPS-1293-2021-000123", SPEC_RECORD);

            JsonNode recorded = value(events.awaitRecords(r -> !of(r, id).isEmpty()).stream()
                    .filter(r -> r.key().equals(id))
                    .findFirst()
                    .orElseThrow());
            assertThat(recorded.get("type").asString()).isEqualTo(RECORDED);
            assertThat(recorded.get("subject").asString()).isEqualTo(id);
            JsonNode data = recorded.get("data");
            assertThat(data.get("aggregateId").asString()).isEqualTo(id);
            assertThat(data.get("aggregateVersion").asLong()).isEqualTo(1);
            assertThat(data.get("activityType").asString()).isEqualTo("TRAFFIC_CONTROL");
            assertThat(data.get("municipalityCode").asString()).isEqualTo("1293");
            assertThat(data.get("area").asString()).isEqualTo("Väg 21 norr om Hässleholm");
            assertThat(OffsetDateTime.parse(data.get("occurredAt").asString()))
                    .isEqualTo(OffsetDateTime.of(2021, 3, 4, 6, 30, 0, 0, ZoneOffset.UTC));
            assertThat(OffsetDateTime.parse(data.get("endedAt").asString()))
                    .isEqualTo(OffsetDateTime.of(2021, 3, 4, 8, 0, 0, 0, ZoneOffset.UTC));
            assertThat(data.get("externalId").asString()).isEqualTo("RPS-1293-2021-000123");
            assertThat(data.get("origin").asString()).isEqualTo("POLICE_FEED");
            assertThat(data.get("cancelled").asBoolean()).isFalse();
            JsonNode details = data.get("details");
            assertThat(details.get("kind").asString()).isEqualTo("SPEED");
            assertThat(details.get("targeted").isBoolean()).isTrue();
            assertThat(details.get("targeted").asBoolean()).isTrue();
            assertThat(details.get("vehiclesChecked").asInt()).isEqualTo(120);
            assertThat(details.get("violations").asInt()).isEqualTo(7);
            assertThat(details.get("unit").asString()).isEqualTo("LPO Hässleholm");
            assertThat(details.get("location").get("lat").asDouble()).isEqualTo(56.17);

            var api = new Api(port);
            var stored = api.get("/api/activities/" + id);
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.header("ETag")).hasValue("\"1\"");
            assertThat(stored.json().get("externalId").asString()).isEqualTo("RPS-1293-2021-000123");

            sendPolice("RPS-1293-2021-000123", SPEC_RECORD);
            String marker = "tc-" + sendPolice("RPS-MARKER-1", controlOf("RPS-MARKER-1", "1293"));
            events.awaitRecords(r -> !of(r, marker).isEmpty());
            assertThat(of(events.drain(Duration.ofSeconds(1)), id)).hasSize(1);

            sendPolice("RPS-1293-2021-000123", SPEC_RECORD.replace("\"violations\": 7", "\"violations\": 9"));
            List<ConsumerRecord<String, String>> changes =
                    of(events.awaitRecords(r -> of(r, id).size() >= 2), id);
            assertThat(changes).hasSize(2);
            changes.forEach(change -> EventSchemas.assertConforms("activity-event.v1.json", change.value()));
            JsonNode correction = value(changes.get(1));
            assertThat(correction.get("type").asString()).isEqualTo(CORRECTED);
            assertThat(correction.get("data").get("aggregateVersion").asLong()).isEqualTo(2);
            assertThat(correction.get("data").get("details").get("violations").asInt())
                    .isEqualTo(9);
            assertThat(correction
                            .get("data")
                            .get("details")
                            .get("vehiclesChecked")
                            .asInt())
                    .isEqualTo(120);
            assertThat(api.get("/api/activities/" + id).header("ETag")).hasValue("\"2\"");
        }
    }

    /**
     * The story, counted exactly: one control, the same again, a correction of it and ten malformed records,
     * typed into Kafka's console producer. Then one more control, to show that the service still consumes.
     */
    @Test
    void a_control_its_repeat_its_correction_and_ten_malformed_records_from_the_console_producer_count_exactly()
            throws Exception {
        String controlId = "RPS-1267-2021-000042";
        String id = "tc-" + controlId;
        String control = line(controlOf(controlId, STORY_MUNICIPALITY));
        String corrected = control.replace("\"violations\":7", "\"violations\":9");
        String twoDaysAhead = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString();
        Map<String, String> malformed = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        malformed(malformed, reasons, "not valid JSON", "{\"controlId\": \"RPS-1267-BAD-01\",");
        // An array of small numbers is what the binder used to turn into raw bytes before the reader saw it.
        malformed(malformed, reasons, "expected a JSON object, got an array", "[1, 2, 3]");
        malformed(malformed, reasons, "controlId: is required", line(controlOf("", STORY_MUNICIPALITY)));
        malformed(
                malformed,
                reasons,
                "municipalityCode: must be a four-digit SCB municipality code",
                line(controlOf("RPS-1267-BAD-04", "126")));
        malformed(
                malformed,
                reasons,
                "startedAt: is required",
                without(controlOf("RPS-1267-BAD-05", STORY_MUNICIPALITY), "startedAt"));
        malformed(
                malformed,
                reasons,
                "startedAt: must be an ISO-8601 timestamp with an offset",
                line(controlOf("RPS-1267-BAD-06", STORY_MUNICIPALITY))
                        .replace("2021-03-04T07:30:00+01:00", "2021-03-04T07:30:00"));
        malformed(
                malformed,
                reasons,
                "endedAt: must not be before startedAt",
                line(controlOf("RPS-1267-BAD-07", STORY_MUNICIPALITY))
                        .replace("2021-03-04T09:00:00+01:00", "2021-03-04T07:00:00+01:00"));
        malformed(
                malformed,
                reasons,
                "vehiclesChecked: has the wrong type or format",
                line(controlOf("RPS-1267-BAD-08", STORY_MUNICIPALITY))
                        .replace("\"vehiclesChecked\":120", "\"vehiclesChecked\":\"120\""));
        malformed(
                malformed,
                reasons,
                "startedAt: must not be more than a day in the future",
                line(controlOf("RPS-1267-BAD-09", STORY_MUNICIPALITY))
                        .replace("2021-03-04T07:30:00+01:00", twoDaysAhead)
                        .replace("2021-03-04T09:00:00+01:00", twoDaysAhead));
        malformed(
                malformed,
                reasons,
                "kind: unknown kind PARADE",
                line(controlOf("RPS-1267-BAD-10", STORY_MUNICIPALITY)).replace("\"SPEED\"", "\"PARADE\""));
        assertThat(malformed).hasSize(10);

        List<String> typed = new ArrayList<>();
        typed.add(controlId + "|" + control);
        malformed.entrySet().stream().limit(5).forEach(bad -> typed.add(bad.getKey() + "|" + bad.getValue()));
        typed.add(controlId + "|" + control);
        malformed.entrySet().stream().skip(5).forEach(bad -> typed.add(bad.getKey() + "|" + bad.getValue()));
        typed.add(controlId + "|" + corrected);

        try (var dlq = new TopicProbe(brokers, Topics.dlq(Topics.POLICE_TRAFFIC_CONTROLS));
                var events = new TopicProbe(brokers, Topics.ACTIVITY_EVENTS)) {
            consoleProducer(typed);

            events.awaitRecords(r -> of(r, id).size() >= 2);
            dlq.awaitRecords(r -> r.size() >= malformed.size());
            // Anything more would arrive while we wait: a repeat is processed before the correction that follows it.
            List<ConsumerRecord<String, String>> dead = dlq.drain(Duration.ofSeconds(1));
            List<ConsumerRecord<String, String>> published = of(events.drain(Duration.ofSeconds(1)), id);

            assertThat(published)
                    .extracting(r -> value(r).get("type").asString())
                    .as("the repeat changed nothing")
                    .containsExactly(RECORDED, CORRECTED);
            assertThat(published)
                    .extracting(
                            r -> value(r).get("data").get("aggregateVersion").asLong())
                    .containsExactly(1L, 2L);
            assertThat(value(published.get(1))
                            .get("data")
                            .get("details")
                            .get("violations")
                            .asInt())
                    .isEqualTo(9);

            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(malformed.keySet());
            for (var record : dead) {
                assertThat(header(record, "x-exception-message"))
                        .as(record.key())
                        .contains(reasons.get(record.key()));
                assertThat(header(record, "x-exception-stacktrace")).contains("MalformedRecordException");
                assertThat(header(record, "x-original-topic")).isEqualTo(Topics.POLICE_TRAFFIC_CONTROLS);
                assertThat(header(record, "x-original-consumer-group")).isEqualTo("activity-service");
                assertThat(record.value()).isEqualTo(malformed.get(record.key()));
            }

            var api = new Api(port);
            JsonNode listed = api.get("/api/activities?municipalityCode=" + STORY_MUNICIPALITY)
                    .json();
            assertThat(listed.get("content")).hasSize(1);
            JsonNode activity = listed.get("content").get(0);
            assertThat(activity.get("id").asString()).isEqualTo(id);
            assertThat(activity.get("externalId").asString()).isEqualTo(controlId);
            assertThat(activity.get("details").get("violations").asInt()).isEqualTo(9);
            assertThat(api.get("/api/activities/" + id).header("ETag")).hasValue("\"2\"");

            String laterId = "RPS-1267-2021-000043";
            consoleProducer(List.of(laterId + "|" + line(controlOf(laterId, STORY_MUNICIPALITY))));
            events.awaitRecords(r -> !of(r, "tc-" + laterId).isEmpty());
            assertThat(api.get("/api/activities?municipalityCode=" + STORY_MUNICIPALITY)
                            .json()
                            .get("content"))
                    .extracting(a -> a.get("id").asString())
                    .containsExactlyInAnyOrder(id, "tc-" + laterId);
            assertThat(dlq.drain(Duration.ZERO)).hasSize(malformed.size());
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        }
    }

    /**
     * Types {@code keyedLines} ({@code key|value}) into Kafka's console producer, as the README tells police staff to:
     * {@code bin/kafka console-producer --topic police.traffic-controls.v1 --property parse.key=true --property
     * key.separator='|'}. It runs as its own process, from the test's class path.
     */
    private void consoleProducer(List<String> keyedLines) throws Exception {
        Path output = Files.createTempFile("console-producer", ".log");
        Process producer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.apache.kafka.tools.ConsoleProducer",
                        "--bootstrap-server",
                        brokers,
                        "--topic",
                        Topics.POLICE_TRAFFIC_CONTROLS,
                        "--property",
                        "parse.key=true",
                        "--property",
                        "key.separator=|")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (var typing = producer.getOutputStream()) {
            typing.write((String.join("\n", keyedLines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = producer.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            producer.destroyForcibly();
        }
        assertThat(exited && producer.exitValue() == 0)
                .as("the console producer sent everything and exited: %s", Files.readString(output))
                .isTrue();
        Files.delete(output);
    }

    private static void malformed(
            Map<String, String> malformed, Map<String, String> reasons, String reason, String value) {
        String key = "RPS-1267-BAD-%02d".formatted(malformed.size() + 1);
        malformed.put(key, value);
        reasons.put(key, reason);
    }

    /** A record as one line, the way the console producer takes it. */
    private static String line(String json) {
        return Api.parse(json).toString();
    }

    private String sendPolice(String controlId, String json) throws Exception {
        police.send(new ProducerRecord<>(Topics.POLICE_TRAFFIC_CONTROLS, PARTITION, controlId, json))
                .get();
        return controlId;
    }

    private static String controlOf(String controlId, String municipalityCode) {
        return SPEC_RECORD
                .replace("RPS-1293-2021-000123", controlId)
                .replace("\"1293\"", "\"" + municipalityCode + "\"");
    }

    private static String without(String json, String field) {
        var tree = (tools.jackson.databind.node.ObjectNode) Api.parse(json);
        tree.remove(field);
        return tree.toString();
    }

    private static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static JsonNode value(ConsumerRecord<String, String> record) {
        return Api.parse(record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
