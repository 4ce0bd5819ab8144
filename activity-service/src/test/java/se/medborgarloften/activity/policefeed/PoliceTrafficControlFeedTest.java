package se.medborgarloften.activity.policefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
 * The police feed as police systems use it: plain JSON records on {@code police.traffic-controls.v1}. Every record
 * of a test goes to one partition, so a later record there shows that the earlier ones have been dealt with.
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

    @Test
    void each_malformed_record_goes_to_the_dlq_with_its_reason_and_the_partition_keeps_moving() throws Exception {
        String tomorrowAndMore = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString();
        Map<String, String> malformed = Map.of(
                "bad-json", "{\"controlId\": \"bad-json\", ",
                "bad-no-control-id", controlOf("", "1293"),
                "bad-municipality", controlOf("bad-municipality", "129"),
                "bad-no-start", without(controlOf("bad-no-start", "1293"), "startedAt"),
                "bad-no-offset",
                        controlOf("bad-no-offset", "1293").replace("2021-03-04T07:30:00+01:00", "2021-03-04T07:30:00"),
                "bad-ends-first",
                        controlOf("bad-ends-first", "1293")
                                .replace("2021-03-04T09:00:00+01:00", "2021-03-04T07:00:00+01:00"),
                "bad-negative", controlOf("bad-negative", "1293").replace("\"violations\": 7", "\"violations\": -1"),
                "bad-future",
                        controlOf("bad-future", "1293")
                                .replace("2021-03-04T07:30:00+01:00", tomorrowAndMore)
                                .replace("2021-03-04T09:00:00+01:00", tomorrowAndMore),
                "bad-kind", controlOf("bad-kind", "1293").replace("\"SPEED\"", "\"PARADE\""));
        Map<String, String> reasons = Map.of(
                "bad-json", "not valid JSON",
                "bad-no-control-id", "controlId: is required",
                "bad-municipality", "municipalityCode: must be a four-digit SCB municipality code",
                "bad-no-start", "startedAt: is required",
                "bad-no-offset", "startedAt: must be an ISO-8601 timestamp with an offset",
                "bad-ends-first", "endedAt: must not be before startedAt",
                "bad-negative", "violations: must not be negative",
                "bad-future", "startedAt: must not be more than a day in the future",
                "bad-kind", "kind: unknown kind PARADE");

        try (var dlq = new TopicProbe(brokers, Topics.dlq(Topics.POLICE_TRAFFIC_CONTROLS));
                var events = new TopicProbe(brokers, Topics.ACTIVITY_EVENTS)) {
            for (var bad : malformed.entrySet()) {
                sendPolice(bad.getKey(), bad.getValue());
            }
            sendPolice("RPS-AFTER-THE-BAD-ONES", controlOf("RPS-AFTER-THE-BAD-ONES", "1293"));

            List<ConsumerRecord<String, String>> dead = dlq.awaitRecords(r -> r.size() >= malformed.size());
            assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(malformed.keySet());
            for (var record : dead) {
                assertThat(header(record, "x-exception-message"))
                        .as(record.key())
                        .contains(reasons.get(record.key()));
                assertThat(header(record, "x-exception-stacktrace")).contains("MalformedRecordException");
                assertThat(header(record, "x-original-topic")).isEqualTo(Topics.POLICE_TRAFFIC_CONTROLS);
                assertThat(record.value()).isEqualTo(malformed.get(record.key()));
            }
            events.awaitRecords(r -> !of(r, "tc-RPS-AFTER-THE-BAD-ONES").isEmpty());
            assertThat(events.drain(Duration.ZERO))
                    .extracting(ConsumerRecord::key)
                    .noneMatch(key -> key.startsWith("tc-bad"));
            var health = new Api(port).get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
        }
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
