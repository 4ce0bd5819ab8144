package se.medborgarloften.reporting.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.CommitmentFilter;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseEventTypes;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class ProgressProjectionTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    KafkaProducer<String, String> producer;
    Api api;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        api = new Api(port);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void targeted_traffic_controls_count_for_their_stockholm_month_once_each_and_corrections_move_them() {
        String code = "1293";
        String commitment = "c-traffic-" + code;
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, commitment, 7));

        ActivityEvent lateMarch = trafficControl("tc-1", 1, code, "2021-03-31T23:30+02:00", true, false);
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, lateMarch);
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, lateMarch);
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-2", 1, code, "2021-03-10T08:00+01:00", false, false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-3", 1, code, "2021-03-12T08:00+01:00", true, false));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(march(code, commitment).get("done").asLong()).isEqualTo(2));
        JsonNode march = march(code, commitment);
        assertThat(march.get("target").asLong()).isEqualTo(20);
        assertThat(march.get("vehiclesChecked").asLong()).isEqualTo(240);
        assertThat(march.get("status").asString()).isEqualTo("MISSED");

        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.CORRECTED,
                trafficControl("tc-1", 2, code, "2021-04-01T07:00+02:00", true, false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.CANCELLED,
                trafficControl("tc-3", 2, code, "2021-03-12T08:00+01:00", true, true));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(march(code, commitment).get("done").asLong()).isZero();
            assertThat(period(code, commitment, "2021-04").get("done").asLong()).isEqualTo(1);
        });

        try (var probe = new TopicProbe(brokers, Topics.PROMISE_PROGRESS)) {
            var records = probe.awaitRecords(all -> all.stream()
                    .anyMatch(r -> r.key().equals(commitment + ":2021-04")
                            && Api.parse(r.value()).get("done").asLong() == 1));
            records.forEach(r -> EventSchemas.assertConforms("promise-progress.v1.json", r.value()));
            var latestMarch = records.stream()
                    .filter(r -> r.key().equals(commitment + ":2021-03"))
                    .reduce((a, b) -> b);
            assertThat(Api.parse(latestMarch.orElseThrow().value()).get("done").asLong())
                    .isZero();
        }
    }

    @Test
    void a_record_that_is_no_event_goes_to_the_dlq_with_its_reason_and_the_next_one_is_still_counted() {
        String code = "1294";
        String commitment = "c-traffic-" + code;
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, commitment, 7));
        producer.send(new ProducerRecord<>(Topics.ACTIVITY_EVENTS, "broken", "{ this is not json"));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-9", 1, code, "2021-03-05T10:00+01:00", true, false));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(march(code, commitment).get("done").asLong()).isEqualTo(1));
        try (var probe = new TopicProbe(brokers, Topics.dlq(Topics.ACTIVITY_EVENTS))) {
            var dead = probe.awaitRecords(all -> all.stream().anyMatch(r -> "broken".equals(r.key())));
            Header reason = dead.get(0).headers().lastHeader("x-exception-message");
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not a readable CloudEvent");
        }
    }

    private JsonNode march(String code, String commitment) {
        return period(code, commitment, "2021-03");
    }

    private JsonNode period(String code, String commitment, String period) {
        JsonNode report =
                api.get("/api/progress?municipalityCode=" + code + "&year=2021").json();
        return report.get("agreements")
                .get(0)
                .get("promises")
                .get(0)
                .get("commitments")
                .valueStream()
                .filter(c -> c.get("commitmentId").asString().equals(commitment))
                .flatMap(c -> c.get("periods").valueStream())
                .filter(p -> p.get("period").asString().equals(period))
                .findFirst()
                .orElseThrow();
    }

    private void publish(String topic, String type, se.medborgarloften.contracts.AggregateEvent data) {
        var message = new DomainEvents(topic, "/test", Clock.systemUTC()).event(type, data);
        producer.send(new ProducerRecord<>(topic, message.key(), message.payload()));
    }

    static AgreementEvent signed(String code, String commitmentId, long version) {
        var traffic = new PromiseSnapshot(
                "p-traffic-" + code,
                "Riktade trafikkontroller",
                "Minst 20 riktade trafikkontroller i månaden",
                "POLICE",
                "TRAFFIC",
                null,
                List.of(),
                List.of(new CommitmentSnapshot(
                        commitmentId, "TRAFFIC_CONTROL", 20, "MONTH", new CommitmentFilter(null, true, null))),
                List.of());
        var agreement = new AgreementSnapshot(
                code + "-2021",
                code,
                "Hässleholms kommun",
                "LPO Hässleholm",
                2021,
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 12, 31),
                List.of(),
                "AGREED",
                List.of(),
                List.of(traffic));
        return new AgreementEvent(agreement.id(), version, null, agreement);
    }

    static ActivityEvent trafficControl(
            String id, long version, String code, String startedAt, boolean targeted, boolean cancelled) {
        return new ActivityEvent(
                id,
                version,
                "TRAFFIC_CONTROL",
                code,
                "Väg 21 norr om Hässleholm",
                OffsetDateTime.parse(startedAt),
                null,
                Map.of("kind", "SPEED", "targeted", targeted, "vehiclesChecked", 120, "violations", 7),
                null,
                "RPS-" + UUID.randomUUID(),
                "POLICE_FEED",
                cancelled,
                cancelled ? "registrerad två gånger" : null);
    }
}
