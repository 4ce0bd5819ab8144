package se.medborgarloften.promise.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ApiDocs;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AgreementLifecycleTest {

    static final String SIGNATORIES = """
            {"signatories":[
              {"name":"Lars Svensson","title":"Kommunstyrelsens ordförande","party":"MUNICIPALITY"},
              {"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void hassleholm_2021_is_drafted_filled_signed_assessed_and_closed_with_one_event_per_change_in_order()
            throws IOException {
        Api api = new Api(port);
        JsonNode seed = Api.parse(seed());

        var created = api.post("/api/agreements", agreementWithoutPromises(seed));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/api/agreements/1293-2021");
        assertThat(created.header("ETag")).hasValue("\"1\"");
        String id = created.json().get("id").asString();

        for (JsonNode promise : seed.get("promises")) {
            assertThat(api.post("/api/agreements/" + id + "/promises", promise.toString())
                            .status())
                    .isEqualTo(201);
        }
        var signed = api.post("/api/agreements/" + id + "/sign", SIGNATORIES, "If-Match", "\"6\"");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("AGREED");

        String drugTrade = promiseId(signed.json(), "Öppen droghandel");
        var assessed = api.post("/api/agreements/" + id + "/promises/" + drugTrade + "/assessments", """
                {"period":"2021-Q1","assessment":"PARTLY_FULFILLED","comment":"Två tillslag i centrum"}""");
        assertThat(assessed.status()).isEqualTo(200);
        assertThat(api.post("/api/agreements/" + id + "/close", "").status()).isEqualTo(200);

        try (var probe = new TopicProbe(brokers, Topics.PROMISE_EVENTS)) {
            List<ConsumerRecord<String, String>> records =
                    probe.awaitRecords(r -> ofAgreement(r, id).size() >= 9).stream()
                            .filter(r -> r.key().equals(id))
                            .toList();
            List<JsonNode> events =
                    records.stream().map(r -> Api.parse(r.value())).toList();
            assertThat(events)
                    .extracting(e -> e.get("type").asString().replace("se.medborgarloften.promise.", ""))
                    .containsExactly(
                            "agreement-created.v1",
                            "promise-added.v1",
                            "promise-added.v1",
                            "promise-added.v1",
                            "promise-added.v1",
                            "promise-added.v1",
                            "agreement-signed.v1",
                            "assessment-recorded.v1",
                            "agreement-closed.v1");
            assertThat(events)
                    .extracting(e -> e.get("data").get("aggregateVersion").asLong())
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            JsonNode signedEvent = events.get(6);
            assertThat(signedEvent.get("specversion").asString()).isEqualTo("1.0");
            assertThat(signedEvent.get("subject").asString()).isEqualTo(id);
            assertThat(signedEvent.get("data").get("agreement").get("promises")).hasSize(5);
            JsonNode traffic = signedEvent
                    .get("data")
                    .get("agreement")
                    .get("promises")
                    .get(4)
                    .get("commitments")
                    .get(0);
            assertThat(traffic.get("activityType").asString()).isEqualTo("TRAFFIC_CONTROL");
            assertThat(traffic.get("minimumCount").asInt()).isEqualTo(20);
            assertThat(traffic.get("filter").get("targeted").asBoolean()).isTrue();
        }
    }

    @Test
    void the_seed_format_imports_a_whole_agreement_in_one_call_and_a_second_one_for_the_same_year_is_a_conflict()
            throws IOException {
        Api api = new Api(port);
        String seed = seed().replace("\"1293\"", "\"1294\"");

        var imported = api.post("/api/agreements/import", seed);
        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.json().get("promises")).hasSize(5);
        assertThat(imported.json().get("status").asString()).isEqualTo("DRAFT");

        var again = api.post("/api/agreements/import", seed);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        var listed = api.get("/api/agreements?municipalityCode=1294&year=2021");
        assertThat(listed.json().get("content")).hasSize(1);
        assertThat(listed.json().get("page").get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void a_signed_agreement_keeps_its_promises_frozen_and_a_stale_write_is_refused() throws IOException {
        Api api = new Api(port);
        String id = api.post("/api/agreements/import", seed().replace("\"1293\"", "\"1295\""))
                .json()
                .get("id")
                .asString();
        JsonNode draft = api.get("/api/agreements/" + id).json();
        String traffic = promiseId(draft, "Riktade trafikkontroller");
        String changedPromise =
                Api.parse(seed()).get("promises").get(4).toString().replace("minst 20", "minst 25");

        var stale = api.put("/api/agreements/" + id + "/promises/" + traffic, changedPromise, "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.put("/api/agreements/" + id + "/promises/" + traffic, changedPromise, "If-Match", "\"1\"")
                        .status())
                .isEqualTo(200);

        assertThat(api.post("/api/agreements/" + id + "/sign", SIGNATORIES).status())
                .isEqualTo(200);
        var frozen = api.delete("/api/agreements/" + id + "/promises/" + traffic);
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.json().get("detail").asString()).contains("AGREED");
        assertThat(api.post("/api/agreements/" + id + "/sign", SIGNATORIES).status())
                .isEqualTo(409);
        var measurable = api.post("/api/agreements/" + id + "/promises/" + traffic + "/assessments", """
                {"period":"2021-03","assessment":"FULFILLED"}""");
        assertThat(measurable.status()).isEqualTo(409);
    }

    @Test
    void bad_input_is_a_problem_that_names_each_bad_field_and_never_a_server_error() throws IOException {
        Api api = new Api(port);
        var agreement = api.post("/api/agreements", """
                {"municipalityCode":"12","municipalityName":"","policeArea":"LPO","year":1850,
                 "validFrom":"2021-12-31","validTo":"2021-01-01"}""");
        assertThat(agreement.status()).isEqualTo(400);
        assertThat(agreement.contentType()).startsWith("application/problem+json");
        assertThat(fields(agreement.json())).contains("municipalityCode", "municipalityName", "year");

        var backwards = api.post("/api/agreements", """
                {"municipalityCode":"1296","municipalityName":"X","policeArea":"LPO","year":2021,
                 "validFrom":"2021-12-31","validTo":"2021-01-01"}""");
        assertThat(fields(backwards.json())).containsExactly("validTo");

        var unknown = api.post("/api/agreements", """
                {"municipalityCode":"1296","municipalityName":"X","policeArea":"LPO","year":2021,
                 "validFrom":"2021-01-01","validTo":"2021-12-31","mayor":"N.N."}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown.json())).containsExactly("mayor");

        String id = api.post("/api/agreements/import", seed().replace("\"1293\"", "\"1297\""))
                .json()
                .get("id")
                .asString();
        var promise = api.post("/api/agreements/" + id + "/promises", """
                {"party":"POLICE","theme":"TRAFFIC","commitments":[{"activityType":"TRAFFIC_CONTROL","minimumCount":0,"per":"MONTH"}]}""");
        assertThat(promise.status()).isEqualTo(400);
        assertThat(fields(promise.json())).containsExactly("commitments[0].minimumCount", "title");

        var unknownType = api.post("/api/agreements/" + id + "/promises", """
                {"title":"T","party":"POLICE","theme":"TRAFFIC","commitments":[{"activityType":"PARADE","minimumCount":1,"per":"MONTH"}]}""");
        assertThat(fields(unknownType.json())).containsExactly("commitments[0].activityType");

        var unknownPeriod = api.post("/api/agreements/" + id + "/promises", """
                {"title":"T","party":"POLICE","theme":"TRAFFIC","commitments":[{"activityType":"SAFETY_WALK","minimumCount":1,"per":"WEEK"}]}""");
        assertThat(fields(unknownPeriod.json())).containsExactly("commitments[0].per");

        assertThat(api.post("/api/agreements", "{not json").status()).isEqualTo(400);
        assertThat(api.get("/api/agreements/9999-2021").status()).isEqualTo(404);
    }

    @Test
    void the_api_is_described_by_an_openapi_document_and_a_swagger_ui() {
        ApiDocs.assertServed(
                new Api(port),
                "/api/agreements",
                "/api/agreements/import",
                "/api/agreements/{id}",
                "/api/agreements/{id}/promises",
                "/api/agreements/{id}/promises/{promiseId}",
                "/api/agreements/{id}/sign",
                "/api/agreements/{id}/promises/{promiseId}/assessments",
                "/api/agreements/{id}/close");
    }

    @Test
    void every_invalid_transition_is_a_conflict_with_its_reason() throws IOException {
        Api api = new Api(port);
        String id = api.post("/api/agreements/import", seed().replace("\"1293\"", "\"1280\""))
                .json()
                .get("id")
                .asString();
        String drugTrade = promiseId(api.get("/api/agreements/" + id).json(), "Öppen droghandel");
        String assessment = """
                {"period":"2021-Q1","assessment":"FULFILLED"}""";

        var closeDraft = api.post("/api/agreements/" + id + "/close", "");
        assertThat(closeDraft.status()).isEqualTo(409);
        assertThat(closeDraft.json().get("detail").asString()).contains("DRAFT");
        assertThat(api.post("/api/agreements/" + id + "/promises/" + drugTrade + "/assessments", assessment)
                        .status())
                .isEqualTo(409);
        var oneSigner = api.post("/api/agreements/" + id + "/sign", """
                {"signatories":[{"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""");
        assertThat(oneSigner.status()).isEqualTo(409);
        assertThat(oneSigner.json().get("detail").asString()).contains("Both");

        var removed = api.delete("/api/agreements/" + id + "/promises/" + drugTrade, "If-Match", "\"1\"");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("promises")).hasSize(4);
        assertThat(api.delete("/api/agreements/" + id + "/promises/" + drugTrade)
                        .status())
                .isEqualTo(404);

        assertThat(api.post("/api/agreements/" + id + "/sign", SIGNATORIES).status())
                .isEqualTo(200);
        assertThat(api.post("/api/agreements/" + id + "/close", "").status()).isEqualTo(200);
        var closedTwice = api.post("/api/agreements/" + id + "/close", "");
        assertThat(closedTwice.status()).isEqualTo(409);
        assertThat(closedTwice.json().get("detail").asString()).contains("CLOSED");
        String keyCriminals = promiseId(api.get("/api/agreements/" + id).json(), "Tongivande kriminella");
        assertThat(api.post("/api/agreements/" + id + "/promises/" + keyCriminals + "/assessments", assessment)
                        .status())
                .isEqualTo(409);
        var wrongYear = api.post("/api/agreements/1293-2021/promises/x/assessments", """
                {"period":"2021-13","assessment":"FULFILLED"}""");
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(fields(wrongYear.json())).containsExactly("period");
        assertThat(api.get("/api/agreements?size=101").status()).isEqualTo(400);
        assertThat(api.get("/api/agreements?year=abc").status()).isEqualTo(400);
    }

    private static List<ConsumerRecord<String, String>> ofAgreement(
            List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> r.key().equals(id)).toList();
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private static String promiseId(JsonNode agreement, String title) {
        return agreement
                .get("promises")
                .valueStream()
                .filter(p -> p.get("title").asString().equals(title))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static String agreementWithoutPromises(JsonNode seed) {
        var copy = (tools.jackson.databind.node.ObjectNode) seed.deepCopy();
        copy.remove("promises");
        return copy.toString();
    }

    private static String seed() throws IOException {
        try (var in = AgreementLifecycleTest.class.getResourceAsStream("/seed/hassleholm-2021.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
