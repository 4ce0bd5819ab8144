package se.medborgarloften.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ApiDocs;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenDialoguesTest {

    static final String SAFETY_WALK = """
            {"municipalityCode":"1293","area":"Centrum","heldAt":"2021-03-04T18:00:00+01:00","format":"SAFETY_WALK",
             "organiser":"JOINT","targetGroup":"Boende och handlare","participants":14,
             "summary":"Trygghetsvandring runt Stortorget, ca 150 meter utan belysning."}""";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    Api api;
    TopicProbe topic;

    @BeforeAll
    void openTopic() {
        api = new Api(port);
        topic = new TopicProbe(brokers, Topics.DIALOGUE_EVENTS);
    }

    @AfterAll
    void closeTopic() {
        topic.close();
    }

    @Test
    void a_safety_walk_and_the_concerns_raised_on_it_are_published_one_event_per_change_in_order() {
        var recorded = api.post("/api/dialogues", SAFETY_WALK);
        assertThat(recorded.status()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        assertThat(recorded.header("Location")).hasValue("/api/dialogues/" + id);
        assertThat(recorded.header("ETag")).hasValue("\"1\"");

        var lighting = api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"LIGHTING","timeOfDay":"EVENING","perceivedSafety":2,"citizenCount":5,
                 "text":"Mörkt på gångvägen mot stationen efter 22:30"}""");
        assertThat(lighting.status()).isEqualTo(201);
        String lightingId = lastFeedbackId(lighting.json());
        assertThat(lighting.header("Location")).hasValue("/api/dialogues/" + id + "/feedback/" + lightingId);
        var lightingItem = api.get(lighting.header("Location").orElseThrow());
        assertThat(lightingItem.json().get("category").asString()).isEqualTo("LIGHTING");
        assertThat(lightingItem.json().get("area").asString()).isEqualTo("Centrum");
        String drugTradeId = lastFeedbackId(
                api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"DRUG_TRADE","area":"Busstationen","timeOfDay":"NIGHT","perceivedSafety":1}""").json());
        String litterId = lastFeedbackId(
                api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"LITTERING"}""").json());

        var routed = api.post(feedback(id, lightingId) + "/route", """
                {"routing":"MUNICIPALITY"}""", "If-Match", "\"4\"");
        assertThat(routed.status()).isEqualTo(200);
        assertThat(api.post(feedback(id, drugTradeId) + "/link", """
                {"promiseId":"p-1a2b3c4d"}""").status()).isEqualTo(200);
        assertThat(api.delete(feedback(id, litterId)).status()).isEqualTo(200);

        var dialogue = api.get("/api/dialogues/" + id);
        assertThat(dialogue.header("ETag")).hasValue("\"7\"");
        assertThat(dialogue.json().get("feedback")).hasSize(3);
        JsonNode drugTrade = dialogue.json().get("feedback").get(1);
        assertThat(drugTrade.get("area").asString()).isEqualTo("Busstationen");
        assertThat(drugTrade.get("status").asString()).isEqualTo("LINKED_TO_PROMISE");
        assertThat(drugTrade.get("citizenCount").asInt()).isEqualTo(1);
        assertThat(dialogue.json().get("feedback").get(2).get("retracted").asBoolean())
                .isTrue();

        List<JsonNode> events = eventsOf(id, 7);
        assertThat(events)
                .extracting(e -> e.get("type").asString().replace("se.medborgarloften.dialogue.", ""))
                .containsExactly(
                        "dialogue-recorded.v1",
                        "feedback-submitted.v1",
                        "feedback-submitted.v1",
                        "feedback-submitted.v1",
                        "feedback-routed.v1",
                        "feedback-linked.v1",
                        "feedback-retracted.v1");
        assertThat(events)
                .extracting(e -> e.get("data").get("aggregateVersion").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events)
                .extracting(e -> textOrNull(e.get("data").get("feedbackId")))
                .containsExactly(null, lightingId, drugTradeId, litterId, lightingId, drugTradeId, litterId);
        JsonNode last = events.get(6).get("data").get("dialogue");
        assertThat(last.get("heldAt").asString()).isEqualTo("2021-03-04T17:00:00Z");
        assertThat(last.get("feedback").get(0).get("routing").asString()).isEqualTo("MUNICIPALITY");
        assertThat(last.get("feedback").get(0).get("citizenCount").asInt()).isEqualTo(5);
        assertThat(last.get("feedback").get(1).get("promiseId").asString()).isEqualTo("p-1a2b3c4d");
        events.forEach(event -> EventSchemas.assertConforms("dialogue-event.v1.json", event.toString()));
    }

    @Test
    void a_dialogue_with_five_concerns_one_naming_a_person_is_stored_published_and_served_with_that_masked() {
        String id = api.post("/api/dialogues", SAFETY_WALK).json().get("id").asString();
        String personal = "Blev trakasserad vid busshållplatsen, ring mig på 070-123 45 67, pnr 19850312-1234,"
                + " eller mejla anna.svensson@exempel.se";
        String masked = "Blev trakasserad vid busshållplatsen, ring mig på [telefon], pnr [personnummer],"
                + " eller mejla [e-post]";
        List<String> written = List.of(
                "Mörkt på gångvägen mot stationen efter 22:30",
                personal,
                "Bilar kör för fort på Storgatan 12-40 på morgonen",
                "Ungdomar samlas vid skolan på fredagar, ca 20 st",
                "Nedskräpning i parken efter helgerna, senast 2021-02-28");
        List<String> categories = List.of("LIGHTING", "HARASSMENT", "TRAFFIC", "YOUTH_GATHERING", "LITTERING");
        for (int i = 0; i < written.size(); i++) {
            var submitted =
                    api.post("/api/dialogues/" + id + "/feedback", """
                    {"category":"%s","perceivedSafety":2,"text":"%s"}""".formatted(categories.get(i), written.get(i)));
            assertThat(submitted.status()).isEqualTo(201);
        }
        List<String> expected = new ArrayList<>(written);
        expected.set(1, masked);
        List<String> raw = List.of("070-123 45 67", "19850312-1234", "anna.svensson@exempel.se");

        Document stored = mongo.findById(id, Document.class, "dialogues");
        assertThat(stored.get("state", Document.class).getList("feedback", Document.class))
                .extracting(item -> item.getString("text"))
                .containsExactlyElementsOf(expected);
        assertThat(stored.toJson()).doesNotContain(raw);

        List<JsonNode> events = eventsOf(id, 6);
        assertThat(events).hasSize(6);
        assertThat(events.get(5).get("data").get("dialogue").get("feedback"))
                .extracting(item -> item.get("text").asString())
                .containsExactlyElementsOf(expected);
        assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain(raw));

        var served = api.get("/api/dialogues/" + id);
        assertThat(served.json().get("feedback"))
                .extracting(item -> item.get("text").asString())
                .containsExactlyElementsOf(expected);
        assertThat(served.body()).doesNotContain(raw);
        String personalItem = served.json().get("feedback").get(1).get("id").asString();
        assertThat(api.get(feedback(id, personalItem)).json().get("text").asString())
                .isEqualTo(masked);
    }

    @Test
    void the_survey_import_keeps_the_good_rows_reports_the_bad_ones_by_line_and_publishes_one_event() {
        var report = csv("/api/surveys/1293/2021", """
                area,indicator,value
                Centrum,DRUG_DEALING_IN_PUBLIC,2.4
                Centrum,LITTERING,1.8
                Centrum,RECKLESS_DRIVING,7
                Centrum,,3
                Centrum,PARKING,3
                Tyringe,FEELING_UNSAFE_OUT_LATE,mycket
                Tyringe,LITTERING
                Tyringe,FEELING_UNSAFE_OUT_LATE,3.5
                """);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(report.json().get("version").asLong()).isEqualTo(1);
        assertThat(report.json()
                        .get("rejected")
                        .valueStream()
                        .map(r -> r.get("line").asInt() + ": " + r.get("reason").asString())
                        .toList())
                .containsExactly(
                        "4: value 7 is outside the problem index 0 to 6",
                        "5: indicator is blank",
                        "6: unknown indicator 'PARKING'",
                        "7: value 'mycket' is not a number",
                        "8: missing column value: expected area,indicator,value");

        var survey = api.get("/api/surveys/1293/2021");
        assertThat(survey.json().get("values")).hasSize(3);
        assertThat(survey.json().get("values").get(0).get("value").asString()).isEqualTo("2.4");

        JsonNode imported = eventsOf("survey-1293-2021", 1).get(0);
        assertThat(imported.get("type").asString())
                .isEqualTo("se.medborgarloften.dialogue.survey-indicators-imported.v1");
        assertThat(imported.get("data").get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(indicators(imported))
                .containsExactly(
                        "Centrum DRUG_DEALING_IN_PUBLIC 2.4",
                        "Centrum LITTERING 1.8",
                        "Tyringe FEELING_UNSAFE_OUT_LATE 3.5");
        EventSchemas.assertConforms("dialogue-survey-event.v1.json", imported.toString());

        var tyringeCorrected = csv("/api/surveys/1293/2021", """
                area,indicator,value
                Tyringe,FEELING_UNSAFE_OUT_LATE,3.1
                """);
        assertThat(tyringeCorrected.json().get("version").asLong()).isEqualTo(2);
        JsonNode corrected = eventsOf("survey-1293-2021", 2).get(1);
        assertThat(corrected.get("data").get("aggregateVersion").asLong()).isEqualTo(2);
        assertThat(indicators(corrected))
                .containsExactly(
                        "Centrum DRUG_DEALING_IN_PUBLIC 2.4",
                        "Centrum LITTERING 1.8",
                        "Tyringe FEELING_UNSAFE_OUT_LATE 3.1");

        var nothingGood = csv("/api/surveys/1293/2021", "area,indicator,value\nCentrum,LITTERING,-1\n");
        assertThat(nothingGood.json().get("accepted").asInt()).isZero();
        assertThat(nothingGood.json().get("version").isNull()).isTrue();
        assertThat(api.get("/api/surveys/1293/2021").header("ETag")).hasValue("\"2\"");
    }

    @Test
    void a_survey_csv_with_one_bad_row_imports_the_good_rows_and_reports_the_bad_one() {
        var report = csv("/api/surveys/1281/2021", """
                area,indicator,value
                Centrum,DRUG_DEALING_IN_PUBLIC,2.4
                Centrum,LITTERING,1.8
                Centrum,FEELING_UNSAFE_OUT_LATE,sju
                Norra Fäladen,FEELING_UNSAFE_OUT_LATE,3.5
                """);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("accepted").asInt()).isEqualTo(3);
        assertThat(report.json().get("rejected"))
                .extracting(r -> r.get("line").asInt() + ": " + r.get("reason").asString())
                .containsExactly("4: value 'sju' is not a number");
        assertThat(report.json().get("version").asLong()).isEqualTo(1);

        List<String> good = List.of(
                "Centrum DRUG_DEALING_IN_PUBLIC 2.4",
                "Centrum LITTERING 1.8",
                "Norra Fäladen FEELING_UNSAFE_OUT_LATE 3.5");
        assertThat(api.get("/api/surveys/1281/2021").json().get("values"))
                .extracting(v -> v.get("area").asString() + " "
                        + v.get("indicator").asString() + " " + v.get("value").asString())
                .containsExactlyElementsOf(good);
        eventsOf("survey-1281-2021", 1);
        List<JsonNode> imported = ofKey(topic.drain(Duration.ofMillis(500)), "survey-1281-2021").stream()
                .map(r -> Api.parse(r.value()))
                .toList();
        assertThat(imported).hasSize(1);
        assertThat(indicators(imported.get(0))).containsExactlyElementsOf(good);
    }

    @Test
    void the_api_is_described_by_an_openapi_document_and_a_swagger_ui() {
        ApiDocs.assertServed(
                api,
                "/api/dialogues",
                "/api/dialogues/{id}",
                "/api/dialogues/{id}/feedback",
                "/api/surveys/{municipalityCode}/{year}");
    }

    @Test
    void dialogues_are_listed_by_municipality_area_and_time_latest_first_a_page_at_a_time() {
        for (String heldAt :
                List.of("2021-01-15T18:00:00+01:00", "2021-02-15T18:00:00+01:00", "2021-03-15T18:00:00+01:00")) {
            api.post(
                    "/api/dialogues", SAFETY_WALK.replace("1293", "1280").replace("2021-03-04T18:00:00+01:00", heldAt));
        }
        api.post("/api/dialogues", SAFETY_WALK.replace("1293", "1280").replace("Centrum", "Tyringe"));

        var page = api.get("/api/dialogues?municipalityCode=1280&area=Centrum&from=2021-02-01T00:00:00%2B01:00&size=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(page.json().get("content")).hasSize(1);
        assertThat(page.json().get("content").get(0).get("heldAt").asString()).isEqualTo("2021-03-15T17:00:00Z");

        var before = api.get("/api/dialogues?municipalityCode=1280&to=2021-02-01T00:00:00Z");
        assertThat(before.json().get("content"))
                .extracting(d -> d.get("heldAt").asString())
                .containsExactly("2021-01-15T17:00:00Z");
    }

    @Test
    void bad_input_is_a_problem_that_names_each_bad_field_and_never_a_server_error() {
        var dialogue = api.post("/api/dialogues", """
                {"municipalityCode":"12","area":"","heldAt":"2021-03-04T18:00:00+01:00","format":"SAFETY_WALK",
                 "organiser":"JOINT","participants":-1,"summary":"%s"}""".formatted("x".repeat(4001)));
        assertThat(dialogue.status()).isEqualTo(400);
        assertThat(dialogue.contentType()).startsWith("application/problem+json");
        assertThat(fields(dialogue.json())).containsExactly("area", "municipalityCode", "participants", "summary");

        assertThat(fields(api.post("/api/dialogues", SAFETY_WALK.replace("+01:00", ""))
                        .json()))
                .containsExactly("heldAt");
        assertThat(fields(api.post("/api/dialogues", SAFETY_WALK.replace("SAFETY_WALK", "BARBECUE"))
                        .json()))
                .containsExactly("format");
        assertThat(fields(api.post("/api/dialogues", SAFETY_WALK.replace("\"area\"", "\"mayor\":\"N.N.\",\"area\""))
                        .json()))
                .containsExactly("mayor");
        assertThat(fields(api.post("/api/dialogues", SAFETY_WALK.replace("2021-03-04", "2999-03-04"))
                        .json()))
                .containsExactly("heldAt");
        String yearsAhead = OffsetDateTime.now(ZoneOffset.UTC).plusYears(3).toString();
        var planned = api.post("/api/dialogues", SAFETY_WALK.replace("2021-03-04T18:00:00+01:00", yearsAhead));
        assertThat(planned.status()).isEqualTo(400);
        assertThat(planned.contentType()).startsWith("application/problem+json");
        assertThat(fields(planned.json())).containsExactly("heldAt");
        String laterToday = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString();
        assertThat(api.post("/api/dialogues", SAFETY_WALK.replace("2021-03-04T18:00:00+01:00", laterToday))
                        .status())
                .as("a clock a few hours off is no reason to refuse a dialogue")
                .isEqualTo(201);

        String id = api.post("/api/dialogues", SAFETY_WALK).json().get("id").asString();
        var concern = api.post("/api/dialogues/" + id + "/feedback", """
                {"perceivedSafety":6,"citizenCount":0,"text":"%s"}""".formatted("x".repeat(4001)));
        assertThat(concern.status()).isEqualTo(400);
        assertThat(fields(concern.json())).containsExactly("category", "citizenCount", "perceivedSafety", "text");
        for (int score : List.of(0, 6)) {
            var outOfScale = api.post("/api/dialogues/" + id + "/feedback", """
                    {"category":"LIGHTING","perceivedSafety":%d}""".formatted(score));
            assertThat(outOfScale.status()).as("score %d", score).isEqualTo(400);
            assertThat(outOfScale.contentType()).startsWith("application/problem+json");
            assertThat(fields(outOfScale.json())).containsExactly("perceivedSafety");
        }
        var tooLong = api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"LIGHTING","text":"%s"}""".formatted("x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(fields(tooLong.json())).containsExactly("text");
        assertThat(api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"LIGHTING","text":"%s"}""".formatted("x".repeat(4000)))
                        .status())
                .isEqualTo(201);
        var unknownCategory = api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"NOISE"}""");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.contentType()).startsWith("application/problem+json");
        assertThat(fields(unknownCategory.json())).containsExactly("category");

        String item = lastFeedbackId(
                api.post("/api/dialogues/" + id + "/feedback", """
                {"category":"TRAFFIC"}""").json());
        assertThat(fields(api.post(feedback(id, item) + "/route", """
                {"routing":"MAYOR"}""").json())).containsExactly("routing");
        assertThat(fields(api.post(feedback(id, item) + "/link", "{}").json())).containsExactly("promiseId");
        assertThat(api.post(feedback(id, item) + "/route", """
                {"routing":"POLICE"}""", "If-Match", "\"1\"")
                        .status())
                .isEqualTo(412);
        assertThat(api.delete(feedback(id, item)).status()).isEqualTo(200);
        assertThat(api.delete(feedback(id, item)).status()).isEqualTo(409);
        assertThat(api.delete(feedback(id, "f-nothere")).status()).isEqualTo(404);
        assertThat(api.get("/api/dialogues/d-nothere").status()).isEqualTo(404);

        assertThat(fields(api.get("/api/dialogues?from=2021-03-01T00:00:00").json()))
                .containsExactly("from");
        assertThat(fields(api.get("/api/dialogues?size=101").json())).containsExactly("size");
        assertThat(fields(api.get("/api/dialogues?municipalityCode=12").json())).containsExactly("municipalityCode");

        assertThat(fields(csv("/api/surveys/12/2021", "area,indicator,value\n").json()))
                .containsExactly("municipalityCode");
        assertThat(fields(
                        csv("/api/surveys/1293/2021", "Centrum,LITTERING,1.8\n").json()))
                .containsExactly("header");
        assertThat(api.post("/api/surveys/1293/2021", "{}").status()).isEqualTo(415);
    }

    private Api.Reply csv(String path, String body) {
        return new Api(port).send("POST", path, "text/csv", HttpRequest.BodyPublishers.ofString(body));
    }

    private List<JsonNode> eventsOf(String key, int atLeast) {
        return topic.awaitRecords(records -> ofKey(records, key).size() >= atLeast).stream()
                .filter(r -> r.key().equals(key))
                .map(r -> Api.parse(r.value()))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> ofKey(
            List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key)).toList();
    }

    private static List<String> indicators(JsonNode surveyEvent) {
        return surveyEvent
                .get("data")
                .get("indicators")
                .valueStream()
                .map(i -> i.get("area").asString() + " " + i.get("indicator").asString() + " "
                        + i.get("value").asString())
                .toList();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String feedback(String id, String feedbackId) {
        return "/api/dialogues/" + id + "/feedback/" + feedbackId;
    }

    private static String lastFeedbackId(JsonNode dialogue) {
        JsonNode feedback = dialogue.get("feedback");
        return feedback.get(feedback.size() - 1).get("id").asString();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }
}
