package se.medborgarloften.activity.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ApiDocs;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Staff report activities by hand: each test works in its own municipality, so their counts do not mix. */
@ServiceIntegrationTest
class StaffActivityReportsTest {

    static final String SAFETY_WALK = """
            {"type":"SAFETY_WALK","municipalityCode":"1293","area":"Hässleholm centrum",
             "occurredAt":"2021-04-20T18:00:00+02:00","endedAt":"2021-04-20T20:00:00+02:00",
             "promiseId":"p-1a2b3c4d",
             "details":{"place":"Stationsområdet","participants":14,"findings":[
               {"description":"Mörk gångtunnel","place":"Tunneln vid Norra station",
                "action":{"description":"Byt belysning","responsible":"Tekniska förvaltningen",
                          "deadline":"2021-09-01","status":"OPEN"}}]}}""";

    static final String TRAFFIC_CONTROL = """
            {"type":"TRAFFIC_CONTROL","municipalityCode":"1294","area":"Väg 23",
             "occurredAt":"2021-03-31T23:30:00+02:00","externalId":"intranet-7",
             "details":{"kind":"SOBRIETY","targeted":true,"vehiclesChecked":80,"violations":2,
                        "breathTests":80,"positiveBreathTests":2,"finesByReason":{"Rattfylleri":2}}}""";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void a_safety_walk_is_reported_corrected_and_cancelled_with_one_event_per_change_in_order() {
        Api api = new Api(port);

        var reported = api.post("/api/activities", SAFETY_WALK);
        assertThat(reported.status()).isEqualTo(201);
        String id = reported.json().get("id").asString();
        assertThat(reported.header("Location")).hasValue("/api/activities/" + id);
        assertThat(reported.header("ETag")).hasValue("\"1\"");
        assertThat(reported.json().get("origin").asString()).isEqualTo("STAFF");

        var read = api.get("/api/activities/" + id);
        assertThat(read.header("ETag")).hasValue("\"1\"");
        assertThat(read.json()
                        .get("details")
                        .get("findings")
                        .get(0)
                        .get("action")
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");

        String done = SAFETY_WALK
                .replace("\"participants\":14", "\"participants\":15")
                .replace("OPEN", "DONE");
        var corrected = api.put("/api/activities/" + id, done, "If-Match", "\"1\"");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.header("ETag")).hasValue("\"2\"");
        assertThat(api.put("/api/activities/" + id, SAFETY_WALK, "If-Match", "\"1\"")
                        .status())
                .isEqualTo(412);
        var unchanged = api.put("/api/activities/" + id, done);
        assertThat(unchanged.header("ETag"))
                .as("the same correction again changes nothing")
                .hasValue("\"2\"");

        var withoutReason = api.delete("/api/activities/" + id);
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(fields(withoutReason.json())).containsExactly("reason");
        var cancelled = api.delete("/api/activities/" + id + "?reason=Dubbelregistrerad", "If-Match", "\"2\"");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.header("ETag")).hasValue("\"3\"");
        assertThat(api.delete("/api/activities/" + id + "?reason=igen").status())
                .isEqualTo(409);
        assertThat(api.put("/api/activities/" + id, SAFETY_WALK).status()).isEqualTo(409);
        JsonNode kept = api.get("/api/activities/" + id).json();
        assertThat(kept.get("cancelled").asBoolean()).isTrue();
        assertThat(kept.get("cancellationReason").asString()).isEqualTo("Dubbelregistrerad");

        try (var probe = new TopicProbe(brokers, Topics.ACTIVITY_EVENTS)) {
            probe.awaitRecords(r -> of(r, id).size() >= 3);
            var records = probe.drain(Duration.ofSeconds(1));
            records.stream()
                    .filter(r -> r.key().equals(id))
                    .forEach(r -> EventSchemas.assertConforms("activity-event.v1.json", r.value()));
            List<JsonNode> events = of(records, id);
            assertThat(events)
                    .extracting(e -> e.get("type").asString().replace("se.medborgarloften.activity.", ""))
                    .containsExactly("recorded.v1", "corrected.v1", "cancelled.v1");
            assertThat(events)
                    .extracting(e -> e.get("data").get("aggregateVersion").asLong())
                    .containsExactly(1L, 2L, 3L);
            JsonNode recorded = events.get(0).get("data");
            assertThat(recorded.get("activityType").asString()).isEqualTo("SAFETY_WALK");
            assertThat(recorded.get("promiseId").asString()).isEqualTo("p-1a2b3c4d");
            assertThat(OffsetDateTime.parse(recorded.get("occurredAt").asString()))
                    .isEqualTo(OffsetDateTime.of(2021, 4, 20, 16, 0, 0, 0, ZoneOffset.UTC));
            assertThat(recorded.get("details").get("participants").asInt()).isEqualTo(14);
            assertThat(recorded.get("details")
                            .get("findings")
                            .get(0)
                            .get("action")
                            .get("deadline")
                            .asString())
                    .isEqualTo("2021-09-01");
            assertThat(events.get(1)
                            .get("data")
                            .get("details")
                            .get("participants")
                            .asInt())
                    .isEqualTo(15);
            JsonNode last = events.get(2).get("data");
            assertThat(last.get("cancelled").asBoolean()).isTrue();
            assertThat(last.get("cancellationReason").asString()).isEqualTo("Dubbelregistrerad");
            assertThat(last.get("details").get("participants").asInt()).isEqualTo(15);
        }
    }

    @Test
    void a_report_with_an_external_id_is_recorded_once_however_often_it_is_sent() {
        Api api = new Api(port);

        var first = api.post("/api/activities", TRAFFIC_CONTROL);
        assertThat(first.status()).isEqualTo(201);
        String id = first.json().get("id").asString();
        var again = api.post("/api/activities", TRAFFIC_CONTROL);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("ETag")).hasValue("\"1\"");

        var different = api.post("/api/activities", TRAFFIC_CONTROL.replace("\"violations\":2", "\"violations\":3"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(different.json().get("detail").asString()).contains("intranet-7");

        var otherMunicipality = api.post("/api/activities", TRAFFIC_CONTROL.replace("\"1294\"", "\"1295\""));
        assertThat(otherMunicipality.status()).isEqualTo(201);
        assertThat(otherMunicipality.json().get("id").asString()).isNotEqualTo(id);

        try (var probe = new TopicProbe(brokers, Topics.ACTIVITY_EVENTS)) {
            probe.awaitRecords(r -> !of(r, id).isEmpty());
            List<JsonNode> events = of(probe.drain(Duration.ofSeconds(1)), id);
            assertThat(events).hasSize(1);
            JsonNode details = events.get(0).get("data").get("details");
            assertThat(details.get("kind").asString()).isEqualTo("SOBRIETY");
            assertThat(details.get("targeted").asBoolean()).isTrue();
            assertThat(details.get("vehiclesChecked").asInt()).isEqualTo(80);
            assertThat(details.get("violations").asInt()).isEqualTo(2);
            assertThat(details.get("finesByReason").get("Rattfylleri").asInt()).isEqualTo(2);
            assertThat(events.get(0).get("data").get("externalId").asString()).isEqualTo("intranet-7");
        }
    }

    @Test
    void activities_are_listed_by_municipality_type_area_and_time_newest_first_in_capped_pages() {
        Api api = new Api(port);
        String control = TRAFFIC_CONTROL.replace("\"1294\"", "\"1281\"").replace(",\"externalId\":\"intranet-7\"", "");
        String presence = """
                {"type":"VISIBLE_PRESENCE","municipalityCode":"1281","area":"Stortorget",
                 "occurredAt":"2021-03-15T21:00:00Z","details":{"place":"Stortorget","hours":1.50}}""";
        String meeting = """
                {"type":"CONTACT_MEETING","municipalityCode":"1281","area":"Norra Fäladen",
                 "occurredAt":"2021-04-02T18:00:00+02:00","details":{"attendees":23}}""";
        for (String activity : List.of(control, presence, meeting)) {
            assertThat(api.post("/api/activities", activity).status()).isEqualTo(201);
        }

        assertThat(types(api.get("/api/activities?municipalityCode=1281").json()))
                .containsExactly("CONTACT_MEETING", "TRAFFIC_CONTROL", "VISIBLE_PRESENCE");
        assertThat(types(api.get("/api/activities?municipalityCode=1281&type=TRAFFIC_CONTROL")
                        .json()))
                .containsExactly("TRAFFIC_CONTROL");
        var march = api.get("/api/activities?municipalityCode=1281"
                + "&from=2021-03-01T00:00:00%2B01:00&to=2021-04-01T00:00:00+02:00");
        assertThat(types(march.json()))
                .as("a control at 23:30 on 31 March is in March")
                .containsExactly("TRAFFIC_CONTROL", "VISIBLE_PRESENCE");
        var square =
                api.get("/api/activities?municipalityCode=1281&area=Stortorget").json();
        assertThat(square.get("content").get(0).get("details").get("hours").asString())
                .isEqualTo("1.5");

        var largest = api.get("/api/activities?municipalityCode=1281&size=100").json();
        assertThat(largest.get("page").get("size").asInt()).isEqualTo(100);
        assertThat(fields(api.get("/api/activities?municipalityCode=1281&size=101")
                        .json()))
                .containsExactly("size");
        var secondPage =
                api.get("/api/activities?municipalityCode=1281&page=1&size=2").json();
        assertThat(types(secondPage)).containsExactly("VISIBLE_PRESENCE");
        assertThat(secondPage.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(secondPage.get("page").get("totalPages").asInt()).isEqualTo(2);

        var noOffset = api.get("/api/activities?from=2021-03-01T00:00:00");
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(fields(noOffset.json())).containsExactly("from");
        assertThat(fields(api.get("/api/activities?type=PARADE").json())).containsExactly("type");
    }

    @Test
    void a_safety_walk_with_two_findings_is_reported_and_its_action_items_closed_through_the_api() {
        Api api = new Api(port);
        var reported = api.post("/api/activities", """
                {"type":"SAFETY_WALK","municipalityCode":"1290","area":"Kristianstad centrum",
                 "occurredAt":"2021-05-11T18:00:00+02:00","details":{"route":"Stationen - Lilla torg","participants":9,
                 "findings":[
                   {"description":"Mörk gångtunnel under järnvägen",
                    "action":{"description":"Byt till LED-belysning","responsible":"Tekniska förvaltningen",
                              "deadline":"2021-09-01","status":"OPEN"}},
                   {"description":"Buskage skymmer sikten vid busshållplatsen",
                    "action":{"description":"Klipp ner buskaget","responsible":"Gatukontoret","status":"OPEN"}}]}}""");
        assertThat(reported.status()).isEqualTo(201);
        String id = reported.json().get("id").asString();
        assertThat(findings(reported.json()))
                .extracting(f -> f.get("id").asString())
                .containsExactly("f-1", "f-2");
        String tunnel = "/api/activities/" + id + "/findings/f-1/action";
        String bushes = "/api/activities/" + id + "/findings/f-2/action";

        var lit = patch(tunnel, """
                {"status":"DONE"}""", "If-Match", "\"1\"");
        assertThat(lit.status()).isEqualTo(200);
        assertThat(lit.header("ETag")).hasValue("\"2\"");
        assertThat(patch(tunnel, """
                {"status":"DONE"}""").header("ETag"))
                .as("closing it again changes nothing")
                .hasValue("\"2\"");

        var noReason = patch(bushes, """
                {"status":"REJECTED"}""");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(fields(noReason.json())).containsExactly("reason");
        String rejection = """
                {"status":"REJECTED","reason":"Buskaget står på Trafikverkets mark; ärendet är skickat dit"}""";
        assertThat(patch(bushes, rejection, "If-Match", "\"1\"").status()).isEqualTo(412);
        var rejected = patch(bushes, rejection, "If-Match", "\"2\"");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.header("ETag")).hasValue("\"3\"");

        var walk = api.get("/api/activities/" + id);
        assertThat(walk.header("ETag")).hasValue("\"3\"");
        assertThat(findings(walk.json()))
                .extracting(f -> f.get("id").asString() + " "
                        + f.get("action").get("status").asString())
                .containsExactly("f-1 DONE", "f-2 REJECTED");
        assertThat(findings(walk.json()).get(1).get("action").get("reason").asString())
                .startsWith("Buskaget står på Trafikverkets mark");
        assertThat(findings(walk.json()).get(1).get("action").get("responsible").asString())
                .isEqualTo("Gatukontoret");
        assertThat(patch("/api/activities/" + id + "/findings/f-3/action", """
                {"status":"DONE"}""").status())
                .isEqualTo(404);

        try (var probe = new TopicProbe(brokers, Topics.ACTIVITY_EVENTS)) {
            probe.awaitRecords(r -> of(r, id).size() >= 3);
            var records = probe.drain(Duration.ofSeconds(1));
            records.stream()
                    .filter(r -> r.key().equals(id))
                    .forEach(r -> EventSchemas.assertConforms("activity-event.v1.json", r.value()));
            List<JsonNode> events = of(records, id);
            assertThat(events)
                    .extracting(e -> e.get("type").asString().replace("se.medborgarloften.activity.", ""))
                    .containsExactly("recorded.v1", "finding-updated.v1", "finding-updated.v1");
            assertThat(events)
                    .extracting(e -> e.get("data").get("aggregateVersion").asLong())
                    .containsExactly(1L, 2L, 3L);
            assertThat(events)
                    .extracting(e -> actionStatuses(e.get("data")))
                    .containsExactly(
                            List.of("f-1 OPEN", "f-2 OPEN"),
                            List.of("f-1 DONE", "f-2 OPEN"),
                            List.of("f-1 DONE", "f-2 REJECTED"));
            JsonNode last = events.get(2).get("data");
            assertThat(last.get("details").get("participants").asInt()).isEqualTo(9);
            assertThat(last.get("cancelled").asBoolean()).isFalse();
        }
    }

    @Test
    void the_api_is_described_by_an_openapi_document_and_a_swagger_ui() {
        ApiDocs.assertServed(
                new Api(port),
                "/api/activities",
                "/api/activities/{id}",
                "/api/activities/{id}/findings/{findingId}/action");
    }

    @Test
    void bad_input_is_a_problem_that_names_each_bad_field_and_never_a_server_error() {
        Api api = new Api(port);

        var noOffset =
                api.post("/api/activities", SAFETY_WALK.replace("2021-04-20T18:00:00+02:00", "2021-03-04T07:30:00"));
        assertThat(noOffset.status()).isEqualTo(400);
        assertThat(noOffset.contentType()).startsWith("application/problem+json");
        assertThat(fields(noOffset.json())).containsExactly("occurredAt");

        String dayAfterTomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString();
        String tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString();
        var everythingWrong = api.post("/api/activities", """
                {"type":"TRAFFIC_CONTROL","municipalityCode":"12","area":" ",
                 "occurredAt":"%s","endedAt":"%s",
                 "details":{"targeted":true,"vehiclesChecked":-1,"violations":0}}""".formatted(dayAfterTomorrow, tomorrow));
        assertThat(everythingWrong.status()).isEqualTo(400);
        assertThat(everythingWrong.contentType()).startsWith("application/problem+json");
        assertThat(fields(everythingWrong.json()))
                .containsExactlyInAnyOrder(
                        "municipalityCode", "area", "occurredAt", "endedAt", "details.kind", "details.vehiclesChecked");

        var named = api.post("/api/activities", """
                {"type":"DRUG_TRADE_OPERATION","municipalityCode":"1293","area":"Centrum",
                 "occurredAt":"2021-05-05T20:00:00+02:00","details":{"arrests":2,"names":["N.N."]}}""");
        assertThat(fields(named.json())).containsExactly("details.names");
        var wrongType = api.post(
                "/api/activities", TRAFFIC_CONTROL.replace("\"vehiclesChecked\":80", "\"vehiclesChecked\":\"many\""));
        assertThat(fields(wrongType.json())).containsExactly("details.vehiclesChecked");
        assertThat(fields(api.post("/api/activities", SAFETY_WALK.replace("SAFETY_WALK", "PARADE"))
                        .json()))
                .containsExactly("type");
        assertThat(fields(api.post("/api/activities", SAFETY_WALK.replace("\"type\":\"SAFETY_WALK\",", ""))
                        .json()))
                .containsExactly("type");
        assertThat(fields(api.post("/api/activities", """
                {"type":"OTHER","municipalityCode":"1293","area":"Centrum","occurredAt":"2021-05-05T20:00:00Z"}""").json())).containsExactly("details");
        assertThat(fields(api.post("/api/activities", SAFETY_WALK.replace("\"area\"", "\"mayor\":\"N.N.\",\"area\""))
                        .json()))
                .containsExactly("mayor");
        assertThat(api.post("/api/activities", "{not json").status()).isEqualTo(400);
        assertNamesOnly(
                api.post("/api/activities", TRAFFIC_CONTROL.replace("\"SOBRIETY\"", "\"PARADE\"")), "details.kind");

        assertNamesOnly(api.get("/api/activities?page=abc"), "page");
        assertNamesOnly(api.get("/api/activities?page=-1"), "page");
        assertNamesOnly(api.get("/api/activities?size=1000"), "size");
        assertNamesOnly(api.get("/api/activities?size=0"), "size");
        assertNamesOnly(api.get("/api/activities?from=not-a-date"), "from");
        assertNamesOnly(api.get("/api/activities?to=2021-13-01T00:00:00Z"), "to");

        String walk = api.post("/api/activities", SAFETY_WALK.replace("\"1293\"", "\"1291\""))
                .json()
                .get("id")
                .asString();
        String action = "/api/activities/" + walk + "/findings/f-1/action";
        assertNamesOnly(patch(action, """
                {"status":"MAYBE"}"""), "status");
        assertNamesOnly(patch(action, "{}"), "status");
        assertNamesOnly(patch(action, """
                {"status":"DONE","doneBy":"N.N."}"""), "doneBy");
        assertNamesOnly(patch(action, """
                {"status":"DONE","reason":"%s"}""".formatted("x".repeat(2001))), "reason");
        assertNamesOnly(patch(action, """
                {"status":"DONE"}""", "If-Match", "yesterday"), "If-Match");
        String meeting = api.post("/api/activities", """
                        {"type":"CONTACT_MEETING","municipalityCode":"1291","area":"Centrum",
                         "occurredAt":"2021-04-02T18:00:00+02:00","details":{"attendees":23}}""").json().get("id").asString();
        assertThat(patch("/api/activities/" + meeting + "/findings/f-1/action", """
                {"status":"DONE"}""")
                        .status())
                .as("a contact meeting has no findings")
                .isEqualTo(404);
        assertThat(api.delete("/api/activities/" + walk + "?reason=Dubbelregistrerad")
                        .status())
                .isEqualTo(200);
        assertThat(patch(action, """
                {"status":"DONE"}""").status())
                .as("a cancelled walk is no longer followed up")
                .isEqualTo(409);

        assertThat(api.get("/api/activities/no-such-activity").status()).isEqualTo(404);
        assertThat(api.put("/api/activities/no-such-activity", SAFETY_WALK).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/activities/no-such-activity?reason=x").status())
                .isEqualTo(404);
    }

    private Api.Reply patch(String path, String json, String... headers) {
        return new Api(port)
                .send("PATCH", path, "application/json", HttpRequest.BodyPublishers.ofString(json), headers);
    }

    private static void assertNamesOnly(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(fields(reply.json())).as(reply.body()).containsExactly(field);
    }

    private static List<JsonNode> findings(JsonNode activity) {
        return activity.get("details").get("findings").valueStream().toList();
    }

    private static List<String> actionStatuses(JsonNode activity) {
        return findings(activity).stream()
                .map(f -> f.get("id").asString() + " "
                        + f.get("action").get("status").asString())
                .toList();
    }

    private static List<JsonNode> of(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> Api.parse(r.value()))
                .toList();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private static List<String> types(JsonNode page) {
        return page.get("content")
                .valueStream()
                .map(a -> a.get("type").asString())
                .toList();
    }
}
