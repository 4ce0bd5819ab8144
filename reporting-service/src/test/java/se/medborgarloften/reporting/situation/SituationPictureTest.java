package se.medborgarloften.reporting.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.medborgarloften.reporting.situation.SituationFixtures.activity;
import static se.medborgarloften.reporting.situation.SituationFixtures.agreement;
import static se.medborgarloften.reporting.situation.SituationFixtures.cancelled;
import static se.medborgarloften.reporting.situation.SituationFixtures.concern;
import static se.medborgarloften.reporting.situation.SituationFixtures.concernIn;
import static se.medborgarloften.reporting.situation.SituationFixtures.dialogue;
import static se.medborgarloften.reporting.situation.SituationFixtures.linked;
import static se.medborgarloften.reporting.situation.SituationFixtures.openDrugTrade;
import static se.medborgarloften.reporting.situation.SituationFixtures.retracted;
import static se.medborgarloften.reporting.situation.SituationFixtures.trafficControls;
import static se.medborgarloften.reporting.situation.SituationFixtures.withText;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.contracts.AggregateEvent;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.contracts.dialogue.DialogueEvent;
import se.medborgarloften.contracts.dialogue.DialogueEventTypes;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.dialogue.SurveyIndicatorValue;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.PromiseEventTypes;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventPublisher;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import se.medborgarloften.reporting.situation.application.SituationProjector;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class SituationPictureTest {

    private static final String YEAR_2021 = "from=2021-01-01&to=2021-12-31";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    SituationProjector projector;

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
    void concerns_are_counted_by_category_and_area_in_citizens_and_fewer_than_three_are_not_shown() {
        String code = "1401";
        publishDialogue(
                dialogue(
                        "d-1401-a",
                        code,
                        "Centrum",
                        "2021-03-04T18:00+01:00",
                        concern("f-1", "TRAFFIC", 4, null),
                        concernIn("f-2", "TRAFFIC", "Norra", 3, null),
                        concern("f-3", "LIGHTING", 2, null)),
                1);
        publishDialogue(
                dialogue(
                        "d-1401-b",
                        code,
                        "Centrum",
                        "2021-09-14T18:00+02:00",
                        concern("f-4", "TRAFFIC", 2, null),
                        concern("f-5", "DRUG_TRADE", 6, null)),
                1);

        awaitPicture(
                code,
                YEAR_2021,
                picture -> assertThat(citizens(picture, "TRAFFIC")).isEqualTo(9));
        JsonNode picture = picture(code, YEAR_2021);
        assertThat(categories(picture)).containsExactly("TRAFFIC", "DRUG_TRADE", "LIGHTING");
        JsonNode traffic = category(picture, "TRAFFIC");
        assertThat(traffic.get("areas").get(0).get("area").asString()).isEqualTo("Centrum");
        assertThat(traffic.get("areas").get(0).get("citizens").asLong()).isEqualTo(6);
        assertThat(traffic.get("areas").get(1).get("area").asString()).isEqualTo("Norra");
        assertThat(traffic.get("areas").get(1).get("citizens").asLong()).isEqualTo(3);
        JsonNode lighting = category(picture, "LIGHTING");
        assertThat(lighting.get("citizens").isNull()).isTrue();
        assertThat(lighting.get("fewerThan").asInt()).isEqualTo(3);
        assertThat(lighting.get("areas").get(0).get("citizens").isNull()).isTrue();

        JsonNode norra = picture(code, YEAR_2021 + "&area=Norra");
        assertThat(norra.get("area").asString()).isEqualTo("Norra");
        assertThat(categories(norra)).containsExactly("TRAFFIC");
        assertThat(category(norra, "TRAFFIC").get("citizens").asLong()).isEqualTo(3);

        JsonNode spring = picture(code, "from=2021-01-01&to=2021-06-30");
        assertThat(citizens(spring, "TRAFFIC")).isEqualTo(7);
        assertThat(categories(spring)).doesNotContain("DRUG_TRADE");
    }

    @Test
    void perceived_safety_is_the_mean_of_the_scores_with_its_trend_against_the_window_before() {
        String code = "1402";
        publishDialogue(
                dialogue(
                        "d-1402-2020",
                        code,
                        "Centrum",
                        "2020-10-01T18:00+02:00",
                        concern("f-1", "TRAFFIC", 1, 2),
                        concern("f-2", "VANDALISM", 1, 2),
                        concern("f-3", "TRAFFIC", 1, 3)),
                1);
        publishDialogue(
                dialogue(
                        "d-1402-2021",
                        code,
                        "Centrum",
                        "2021-05-01T18:00+02:00",
                        concern("f-4", "TRAFFIC", 2, 4),
                        concern("f-5", "TRAFFIC", 1, 4),
                        concern("f-6", "LIGHTING", 1, 3),
                        concern("f-7", "OTHER", 1, null)),
                1);

        awaitPicture(
                code,
                YEAR_2021,
                picture -> assertThat(
                                picture.get("perceivedSafety").get("answers").asLong())
                        .isEqualTo(3));
        JsonNode safety = picture(code, YEAR_2021).get("perceivedSafety");
        assertThat(safety.get("mean").decimalValue()).isEqualByComparingTo("3.67");
        JsonNode trend = safety.get("trend");
        assertThat(trend.get("previousFrom").asString()).isEqualTo("2020-01-01T00:00:00+01:00");
        assertThat(trend.get("previousMean").decimalValue()).isEqualByComparingTo("2.33");
        assertThat(trend.get("previousAnswers").asLong()).isEqualTo(3);
        assertThat(trend.get("change").decimalValue()).isEqualByComparingTo("1.34");
        assertThat(trend.get("direction").asString()).isEqualTo("IMPROVING");

        JsonNode autumn2020 = picture(code, "from=2020-07-01&to=2020-12-31").get("perceivedSafety");
        assertThat(autumn2020.get("mean").decimalValue()).isEqualByComparingTo("2.33");
        assertThat(autumn2020.get("trend").get("direction").asString())
                .as("no scores in the first half of 2020")
                .isEqualTo("UNKNOWN");
    }

    @Test
    void a_retracted_concern_stops_counting_and_a_redelivered_or_stale_event_counts_once() {
        String code = "1403";
        DialogueSnapshot raised = dialogue(
                "d-1403",
                code,
                "Centrum",
                "2021-03-04T18:00+01:00",
                concern("f-1", "VANDALISM", 4, null),
                concern("f-2", "VANDALISM", 3, null));
        publishDialogue(raised, 1);
        publishDialogue(raised, 1);
        var walk = activity("a-1403", 1, "SAFETY_WALK", code, "Centrum", "2021-04-01T18:00+02:00", null);
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, walk);
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, walk);

        awaitPicture(code, YEAR_2021, picture -> {
            assertThat(citizens(picture, "VANDALISM")).isEqualTo(7);
            assertThat(picture.get("activities").get(0).get("count").asLong()).isEqualTo(1);
        });

        DialogueSnapshot afterRetraction = dialogue(
                "d-1403",
                code,
                "Centrum",
                "2021-03-04T18:00+01:00",
                concern("f-1", "VANDALISM", 4, null),
                retracted(concern("f-2", "VANDALISM", 3, null)));
        publish(
                Topics.DIALOGUE_EVENTS,
                DialogueEventTypes.FEEDBACK_RETRACTED,
                new DialogueEvent("d-1403", 2, "f-2", afterRetraction));
        publishDialogue(raised, 1);

        awaitPicture(
                code,
                YEAR_2021,
                picture -> assertThat(citizens(picture, "VANDALISM")).isEqualTo(4));
        publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.CANCELLED, cancelled(walk));
        awaitPicture(
                code,
                YEAR_2021,
                picture -> assertThat(picture.get("activities")).isEmpty());
        assertThat(citizens(picture(code, YEAR_2021), "VANDALISM")).isEqualTo(4);
    }

    @Test
    void you_said_drug_trade_and_traffic_we_did_operations_and_controls_under_the_promises_that_answer_them() {
        String code = "1404";
        publish(
                Topics.PROMISE_EVENTS,
                PromiseEventTypes.AGREEMENT_SIGNED,
                signed(agreement(
                        code,
                        2021,
                        openDrugTrade("p-drugs-1404", "PARTLY_FULFILLED"),
                        trafficControls("p-traffic-1404"))));
        publishDialogue(
                dialogue(
                        "d-1404",
                        code,
                        "Centrum",
                        "2021-03-04T18:00+01:00",
                        linked(concern("f-1", "DRUG_TRADE", 5, 2), "p-drugs-1404"),
                        concern("f-2", "TRAFFIC", 3, 3)),
                1);
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                activity(
                        "a-1404-1",
                        1,
                        "DRUG_TRADE_OPERATION",
                        code,
                        "Centrum",
                        "2021-03-20T21:00+01:00",
                        "p-drugs-1404"));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                activity("a-1404-2", 1, "TRAFFIC_CONTROL", code, "Väg 21", "2021-03-21T08:00+01:00", null));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                activity("a-1404-3", 1, "TRAFFIC_CONTROL", code, "Väg 21", "2021-03-22T08:00+01:00", null));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.CANCELLED,
                cancelled(activity("a-1404-4", 1, "TRAFFIC_CONTROL", code, "Väg 21", "2021-03-23T08:00+01:00", null)));
        publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.RECORDED,
                activity("a-1404-5", 1, "TRAFFIC_CONTROL", "1499", "Väg 21", "2021-03-23T08:00+01:00", null));

        awaitPicture(code, YEAR_2021, picture -> {
            assertThat(answer(picture, "TRAFFIC")
                            .get("promises")
                            .get(0)
                            .get("activitiesDone")
                            .asLong())
                    .isEqualTo(2);
            assertThat(answer(picture, "DRUG_TRADE").get("promises")).hasSize(1);
        });
        JsonNode picture = picture(code, YEAR_2021);
        JsonNode drugs = answer(picture, "DRUG_TRADE").get("promises").get(0);
        assertThat(drugs.get("promiseId").asString()).isEqualTo("p-drugs-1404");
        assertThat(drugs.get("title").asString()).isEqualTo("Öppen droghandel");
        assertThat(drugs.get("addressedBy").valueStream().map(JsonNode::asString))
                .containsExactly("THEME", "LINKED_FEEDBACK");
        assertThat(drugs.get("latestAssessment").asString()).isEqualTo("PARTLY_FULFILLED");
        assertThat(drugs.get("activities").get(0).get("type").asString()).isEqualTo("DRUG_TRADE_OPERATION");
        assertThat(drugs.get("activitiesDone").asLong()).isEqualTo(1);
        JsonNode traffic = answer(picture, "TRAFFIC").get("promises").get(0);
        assertThat(traffic.get("promiseId").asString()).isEqualTo("p-traffic-1404");
        assertThat(traffic.get("activities").get(0).get("type").asString()).isEqualTo("TRAFFIC_CONTROL");
        assertThat(traffic.get("activities").get(0).get("count").asLong()).isEqualTo(2);
    }

    @Test
    void the_latest_survey_indicators_are_shown_per_area_with_their_year() {
        String code = "1407";
        publish(
                Topics.DIALOGUE_EVENTS,
                DialogueEventTypes.SURVEY_INDICATORS_IMPORTED,
                survey(code, 2020, new SurveyIndicatorValue("Centrum", "LITTERING", new BigDecimal("2.1"))));
        publish(
                Topics.DIALOGUE_EVENTS,
                DialogueEventTypes.SURVEY_INDICATORS_IMPORTED,
                survey(
                        code,
                        2021,
                        new SurveyIndicatorValue("Centrum", "DRUG_DEALING_IN_PUBLIC", new BigDecimal("3.4"))));

        awaitPicture(
                code,
                YEAR_2021,
                picture -> assertThat(picture.get("surveyIndicators")).hasSize(2));
        JsonNode indicators = picture(code, YEAR_2021).get("surveyIndicators");
        assertThat(indicators.get(0).get("indicator").asString()).isEqualTo("DRUG_DEALING_IN_PUBLIC");
        assertThat(indicators.get(0).get("value").decimalValue()).isEqualByComparingTo("3.4");
        assertThat(indicators.get(0).get("year").asInt()).isEqualTo(2021);
        assertThat(indicators.get(1).get("indicator").asString()).isEqualTo("LITTERING");
        assertThat(indicators.get(1).get("year").asInt()).isEqualTo(2020);
    }

    @Test
    void the_compacted_topic_holds_the_latest_picture_of_this_year_per_municipality_and_per_area() {
        String code = "1405";
        int year = Year.now(ZoneId.of("Europe/Stockholm")).getValue();
        String heldAt = year + "-01-15T18:00+01:00";
        publishDialogue(dialogue("d-1405", code, "Centrum", heldAt, concern("f-1", "TRAFFIC", 3, 4)), 1);
        publishDialogue(
                dialogue(
                        "d-1405",
                        code,
                        "Centrum",
                        heldAt,
                        concern("f-1", "TRAFFIC", 3, 4),
                        concernIn("f-2", "YOUTH_GATHERING", "Tyringe", 5, 2),
                        concern("f-3", "TRAFFIC", 1, 3)),
                2);

        try (var probe = new TopicProbe(brokers, Topics.SITUATION_PICTURE)) {
            List<ConsumerRecord<String, String>> records =
                    probe.awaitRecords(all -> hasLatest(all, code, "YOUTH_GATHERING", 5)
                            && hasLatest(all, code + ":Tyringe", "YOUTH_GATHERING", 5)
                            && hasLatest(all, code + ":Centrum", "TRAFFIC", 4));
            records.forEach(r -> EventSchemas.assertConforms("situation-picture.v1.json", r.value()));
            JsonNode municipality = latest(records, code).orElseThrow();
            assertThat(municipality.get("from").asString()).isEqualTo(year + "-01-01T00:00:00+01:00");
            assertThat(categories(municipality)).containsExactly("YOUTH_GATHERING", "TRAFFIC");
            assertThat(municipality.get("perceivedSafety").get("mean").decimalValue())
                    .isEqualByComparingTo("3.00");
            assertThat(categories(latest(records, code + ":Centrum").orElseThrow()))
                    .containsExactly("TRAFFIC");
            assertThat(api.get("/api/situation/" + code).json().get("concerns"))
                    .isEqualTo(municipality.get("concerns"));

            publishDialogue(
                    dialogue(
                            "d-1405",
                            code,
                            "Centrum",
                            heldAt,
                            concern("f-1", "TRAFFIC", 3, 4),
                            concernIn("f-2", "YOUTH_GATHERING", "Tyringe", 5, 2),
                            concern("f-3", "TRAFFIC", 1, 3)),
                    2);
            projector.refreshAll();
            long published = records.stream().filter(r -> isOf(code, r)).count();
            assertThat(probe.drain(Duration.ofSeconds(3)).stream().filter(r -> isOf(code, r)))
                    .as("a redelivered event and a refresh with nothing new publish nothing")
                    .hasSize((int) published);
        }
    }

    @Test
    void no_feedback_text_reaches_the_public_api_or_the_topic() {
        String code = "1406";
        int year = Year.now(ZoneId.of("Europe/Stockholm")).getValue();
        String text = "Langning vid busshållplatsen på Storgatan varje fredag";
        publishDialogue(
                dialogue(
                        "d-1406",
                        code,
                        "Centrum",
                        year + "-01-20T18:00+01:00",
                        withText(concern("f-1", "DRUG_TRADE", 4, 2), text),
                        withText(concern("f-2", "HARASSMENT", 1, 2), text)),
                1);

        String window = "from=" + year + "-01-01&to=" + year + "-12-31";
        awaitPicture(
                code,
                window,
                picture -> assertThat(citizens(picture, "DRUG_TRADE")).isEqualTo(4));
        assertThat(api.get("/api/situation/" + code + "?" + window).body())
                .doesNotContain(text)
                .doesNotContain("Storgatan")
                .doesNotContain("Medborgardialog i");
        try (var probe = new TopicProbe(brokers, Topics.SITUATION_PICTURE)) {
            var records = probe.awaitRecords(all -> latest(all, code).isPresent());
            assertThat(records)
                    .allSatisfy(r ->
                            assertThat(r.value()).doesNotContain("Storgatan").doesNotContain("Medborgardialog i"));
        }
    }

    @Test
    void a_window_that_makes_no_sense_is_refused_naming_the_field() {
        assertRefused("/api/situation/12a4", "municipalityCode");
        assertRefused("/api/situation/1293?from=2021-06-01&to=2021-01-01", "to");
        assertRefused("/api/situation/1293?from=2015-01-01&to=2021-12-31", "to");
        assertRefused("/api/situation/1293?from=2021-01-01", "to");
        assertRefused("/api/situation/1293?from=2021-01-01T00:00&to=2021-12-31", "from");
        assertRefused("/api/situation/1293?from=1%20mars&to=2021-12-31", "from");

        var reply = api.get("/api/situation/1293?from=2021-01-01T00:00:00%2B01:00&to=2021-07-01T00:00:00Z");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("to").asString()).isEqualTo("2021-07-01T02:00:00+02:00");
    }

    @Test
    void a_dialogue_record_that_is_no_event_goes_to_the_dlq_with_its_reason_and_the_next_one_still_counts() {
        String code = "1408";
        events.send(Topics.DIALOGUE_EVENTS, "broken-1408", "{ this is not json");
        publishDialogue(
                dialogue("d-1408", code, "Centrum", "2021-03-04T18:00+01:00", concern("f-1", "TRAFFIC", 3, null)), 1);

        awaitPicture(
                code,
                YEAR_2021,
                picture -> assertThat(citizens(picture, "TRAFFIC")).isEqualTo(3));
        try (var probe = new TopicProbe(brokers, Topics.dlq(Topics.DIALOGUE_EVENTS))) {
            var dead = probe.awaitRecords(all -> all.stream().anyMatch(r -> "broken-1408".equals(r.key())));
            var reason = dead.get(0).headers().lastHeader("x-exception-message");
            assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not a readable CloudEvent");
        }
    }

    private void assertRefused(String path, String field) {
        var reply = api.get(path);
        assertThat(reply.status()).as(path).isEqualTo(400);
        assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
        assertThat(reply.json().get("errors").get(0).get("field").asString())
                .as(path)
                .isEqualTo(field);
    }

    /** Waits for the picture to meet the expectation; a picture still missing a part it names is not there yet. */
    private void awaitPicture(String code, String window, Consumer<JsonNode> expectation) {
        await().atMost(PATIENCE)
                .ignoreException(NullPointerException.class)
                .untilAsserted(() -> expectation.accept(picture(code, window)));
    }

    private JsonNode picture(String code, String window) {
        var reply = api.get("/api/situation/" + code + "?" + window);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static boolean hasLatest(
            List<ConsumerRecord<String, String>> records, String key, String category, long citizens) {
        return latest(records, key)
                .map(picture -> Long.valueOf(citizens).equals(citizens(picture, category)))
                .orElse(false);
    }

    private static boolean isOf(String code, ConsumerRecord<String, String> record) {
        return record.key().equals(code) || record.key().startsWith(code + ":");
    }

    private static Optional<JsonNode> latest(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream()
                .filter(r -> r.key().equals(key))
                .reduce((a, b) -> b)
                .map(r -> Api.parse(r.value()));
    }

    private static List<String> categories(JsonNode picture) {
        return picture.get("concerns")
                .valueStream()
                .map(c -> c.get("category").asString())
                .toList();
    }

    private static JsonNode category(JsonNode picture, String category) {
        return picture.get("concerns")
                .valueStream()
                .filter(c -> c.get("category").asString().equals(category))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " in " + picture));
    }

    private static Long citizens(JsonNode picture, String category) {
        return picture.get("concerns")
                .valueStream()
                .filter(c -> c.get("category").asString().equals(category))
                .findFirst()
                .map(c -> c.get("citizens").isNull() ? null : c.get("citizens").asLong())
                .orElse(null);
    }

    private static JsonNode answer(JsonNode picture, String category) {
        return picture.get("youSaidWeDid")
                .valueStream()
                .filter(c -> c.get("category").asString().equals(category))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no answer to " + category + " in " + picture));
    }

    private void publishDialogue(DialogueSnapshot dialogue, long version) {
        publish(
                Topics.DIALOGUE_EVENTS,
                version == 1 ? DialogueEventTypes.DIALOGUE_RECORDED : DialogueEventTypes.FEEDBACK_SUBMITTED,
                new DialogueEvent(dialogue.id(), version, null, dialogue));
    }

    private void publish(String topic, String type, AggregateEvent data) {
        events.publish(topic, type, data);
    }

    private static AgreementEvent signed(AgreementSnapshot agreement) {
        return new AgreementEvent(agreement.id(), 3, null, agreement);
    }

    private static SurveyEvent survey(String code, int year, SurveyIndicatorValue... values) {
        return new SurveyEvent(
                "survey-" + code + "-" + year,
                1,
                code,
                year,
                List.of(values),
                OffsetDateTime.parse(year + "-11-01T10:00Z"));
    }
}
