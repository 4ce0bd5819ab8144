package se.medborgarloften.reporting.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.CommitmentFilter;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseEventTypes;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventPublisher;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

// A rendering is kept for a minute here, so only a change can explain a new one (RenderedProgress).
@ServiceIntegrationTest
@TestPropertySource(properties = "medborgarloften.progress.rendering-max-age=60s")
class ProgressProjectionTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    EventPublisher events;
    Api api;

    @BeforeEach
    void connect() {
        events = new EventPublisher(brokers);
        api = new Api(port);
    }

    @AfterEach
    void disconnect() {
        events.close();
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
        events.send(Topics.ACTIVITY_EVENTS, "broken", "{ this is not json");
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

    @Test
    void
            work_done_before_the_signature_counts_once_the_agreement_arrives_and_only_inside_its_validity_and_municipality() {
        String code = "1295";
        String commitment = "c-traffic-" + code;
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-early", 1, code, "2021-03-02T09:00+01:00", true, false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-elsewhere", 1, "1296", "2021-03-02T09:00+01:00", true, false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-last-year", 1, code, "2020-12-31T23:30+01:00", true, false));
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, commitment, 7));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(march(code, commitment).get("done").asLong()).isEqualTo(1));
        assertThat(period(code, commitment, "2021-01").get("done").asLong()).isZero();
    }

    @Test
    void the_public_report_is_sent_as_rendered_until_a_figure_changes_and_then_at_once_anew() {
        String code = "1287";
        String commitment = "c-traffic-" + code;
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, commitment, 7));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(march(code, commitment)).isNotNull());
        String report = "/api/progress?municipalityCode=" + code + "&year=2021";
        // Once the signing's figures have all landed, a client holding the rendering's ETag is told "not modified".
        String etag = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> {
                            String current = api.get(report).header("ETag").orElseThrow();
                            return api.get(report, "If-None-Match", current).status() == 304 ? current : null;
                        },
                        Objects::nonNull);

        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-1287-1", 1, code, "2021-03-10T08:00+01:00", true, false));
        try (var probe = new TopicProbe(brokers, Topics.PROMISE_PROGRESS)) {
            probe.awaitRecords(all -> all.stream()
                    .anyMatch(r -> r.key().equals(commitment + ":2021-03")
                            && Api.parse(r.value()).get("done").asLong() == 1));
        }
        assertThat(march(code, commitment).get("done").asLong()).isEqualTo(1);
        assertThat(api.get(report, "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void a_quarter_commitment_sums_its_three_months() {
        String code = "1297";
        var walks = new PromiseSnapshot(
                "p-walks-" + code,
                "Trygghetsvandringar",
                "Minst två i kvartalet",
                "JOINT",
                "SAFETY_WALK",
                null,
                List.of(),
                List.of(new CommitmentSnapshot("c-walks-" + code, "SAFETY_WALK", 2, "QUARTER", null)),
                List.of());
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, agreement(code, walks));
        for (String month : List.of("01", "02", "03")) {
            publish(
                    Topics.ACTIVITY_EVENTS,
                    ActivityEventTypes.RECORDED,
                    new ActivityEvent(
                            "walk-" + code + "-" + month,
                            1,
                            "SAFETY_WALK",
                            code,
                            "Centrum",
                            OffsetDateTime.parse("2021-" + month + "-15T18:00+01:00"),
                            null,
                            Map.of(),
                            null,
                            null,
                            "STAFF",
                            false,
                            null));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode q1 = period(code, "c-walks-" + code, "2021-Q1");
            assertThat(q1.get("done").asLong()).isEqualTo(3);
            assertThat(q1.get("status").asString()).isEqualTo("MET");
        });
        assertThat(period(code, "c-walks-" + code, "2021-Q2").get("done").asLong())
                .isZero();
    }

    @Test
    void a_rebuild_from_the_beginning_of_the_topics_gives_exactly_the_live_figures() {
        String code = "1298";
        String commitment = "c-traffic-" + code;
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, commitment, 7));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-r1", 1, code, "2021-05-03T10:00+02:00", true, false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                trafficControl("tc-r2", 1, code, "2021-05-04T10:00+02:00", true, false));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.CANCELLED,
                trafficControl("tc-r2", 2, code, "2021-05-04T10:00+02:00", true, true));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(
                                period(code, commitment, "2021-05").get("done").asLong())
                        .isEqualTo(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> !figures(code).contains("\"updatedAt\":null"));
        String live = figures(code);
        String livePicture = picture(code);

        var started = api.post("/actuator/rebuild", "");
        assertThat(started.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                api.get("/actuator/rebuild").json().get("state").asString())
                        .isEqualTo("DONE"));
        assertThat(api.get("/actuator/rebuild").json().get("applied").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(figures(code)).isEqualTo(live);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(picture(code)).isEqualTo(livePicture));
    }

    @Test
    void the_year_exports_as_csv_with_a_line_per_commitment_and_month() {
        String code = "1299";
        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, "c-traffic-" + code, 7));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !api.get("/api/progress?municipalityCode=" + code + "&year=2021")
                        .json()
                        .get("agreements")
                        .isEmpty());
        var csv = api.get("/api/progress/export.csv?municipalityCode=" + code + "&year=2021");
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).startsWith("agreement,promise,promise_title");
        assertThat(lines.get(3)).contains("c-traffic-" + code, "2021-03", ",0,20,MISSED,");
    }

    @Test
    void a_dashboard_on_the_live_stream_hears_of_a_new_figure_without_asking() throws Exception {
        String code = "1290";
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/stream"))
                .header("Accept", "text/event-stream")
                .build();
        var stream = java.net.http.HttpClient.newHttpClient()
                .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(heard::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("event:hello"));

        publish(Topics.PROMISE_EVENTS, PromiseEventTypes.AGREEMENT_SIGNED, signed(code, "c-traffic-" + code, 7));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> heard.stream()
                        .anyMatch(line ->
                                line.startsWith("data:") && line.contains("\"commitmentId\":\"c-traffic-" + code)));
        assertThat(heard).contains("event:progress");
        stream.cancel(true);
    }

    /** The situation picture of the agreement's year, without the moment it was drawn. */
    private String picture(String code) {
        return api.get("/api/situation/" + code + "?from=2021-01-01&to=2021-12-31")
                .body()
                .replaceAll("\"asOf\":\"[^\"]*\"", "");
    }

    /** The figures of every period, without the moments they were computed at. */
    private String figures(String code) {
        JsonNode report =
                api.get("/api/progress?municipalityCode=" + code + "&year=2021").json();
        return report.get("agreements").toString().replaceAll("\"updatedAt\":\"[^\"]*\"", "");
    }

    private JsonNode march(String code, String commitment) {
        return period(code, commitment, "2021-03");
    }

    private JsonNode period(String code, String commitment, String period) {
        JsonNode report =
                api.get("/api/progress?municipalityCode=" + code + "&year=2021").json();
        if (report.get("agreements").isEmpty()) {
            throw new AssertionError("no signed agreement for " + code + " projected yet");
        }
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
        events.publish(topic, type, data);
    }

    static AgreementEvent agreement(String code, PromiseSnapshot promise) {
        var agreement = new AgreementSnapshot(
                code + "-2021",
                code,
                "Kommun " + code,
                "LPO",
                2021,
                LocalDate.of(2021, 1, 1),
                LocalDate.of(2021, 12, 31),
                List.of(),
                "AGREED",
                List.of(),
                List.of(promise));
        return new AgreementEvent(agreement.id(), 7, null, agreement);
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
