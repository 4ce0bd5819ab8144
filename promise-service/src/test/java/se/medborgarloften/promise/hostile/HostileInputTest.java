package se.medborgarloften.promise.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgarloften.platform.messaging.testing.Problems.assertProblem;
import static se.medborgarloften.platform.messaging.testing.Problems.assertTooLargeDeclaredOrChunked;

import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;

/**
 * What a hostile or broken client may send the agreement API, and the 4xx problem it gets back: never a 500, always
 * problem+json naming the field where there is one.
 */
@ServiceIntegrationTest
class HostileInputTest {

    static final String AGREEMENT = """
            {"municipalityCode":"%s","municipalityName":"Hässleholms kommun","policeArea":"LPO Hässleholm",
             "year":2021,"validFrom":"2021-01-01","validTo":"2021-12-31","basis":["EST"]}""";
    static final String PROMISE = """
            {"title":"Öppen droghandel","description":"%s","party":"POLICE","theme":"DRUG_TRADE","commitments":[]}""";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void a_body_over_256kb_is_refused_413_whether_it_declares_its_length_or_streams_in_chunks() {
        String huge = AGREEMENT.formatted("1293").replace("Hässleholms kommun", "x".repeat(300 * 1024));

        assertTooLargeDeclaredOrChunked(api, "/api/agreements", huge);
    }

    @Test
    void a_body_that_is_not_json_is_refused_415_naming_the_header() {
        assertProblem(
                api.send("POST", "/api/agreements", "text/plain", BodyPublishers.ofString(AGREEMENT.formatted("1293"))),
                415,
                "Content-Type");
        assertProblem(
                api.send(
                        "POST", "/api/agreements", "application/x-www-form-urlencoded", BodyPublishers.ofString("a=b")),
                415,
                "Content-Type");
    }

    @Test
    void an_unknown_field_is_refused_naming_it_also_inside_a_list() {
        assertProblem(
                api.post("/api/agreements", AGREEMENT.formatted("1293").replace("{", "{\"status\":\"AGREED\",")),
                400,
                "status");
        String withPromise = AGREEMENT
                .formatted("1293")
                .replace("}", ",\"promises\":[" + PROMISE.formatted("ok").replace("{", "{\"owner\":\"x\",") + "]}");
        assertProblem(api.post("/api/agreements/import", withPromise), 400, "promises[0].owner");
    }

    @Test
    void an_operator_key_is_an_unknown_field_and_an_operator_in_a_query_is_plain_text() {
        assertProblem(
                api.post(
                        "/api/agreements",
                        AGREEMENT.formatted("1293").replace("{", "{\"$set\":{\"status\":\"AGREED\"},")),
                400,
                "$set");

        var operatorAsCode = api.get("/api/agreements?municipalityCode=%7B%22%24ne%22%3Anull%7D");
        assertThat(operatorAsCode.status()).isBetween(200, 499);
        if (operatorAsCode.status() == 200) {
            assertThat(operatorAsCode.json().get("content")).isEmpty();
        } else {
            assertProblem(operatorAsCode, operatorAsCode.status());
        }
    }

    @Test
    void a_page_larger_than_100_is_refused_naming_size() {
        assertProblem(api.get("/api/agreements?size=101"), 400, "size");
        assertThat(api.get("/api/agreements?size=100").status()).isEqualTo(200);
    }

    @Test
    void a_string_longer_than_its_field_takes_is_refused_naming_the_field() {
        assertProblem(
                api.post("/api/agreements", AGREEMENT.formatted("1293").replace("Hässleholms kommun", "x".repeat(201))),
                400,
                "municipalityName");
        String id = agreement("1290");
        assertProblem(
                api.post("/api/agreements/" + id + "/promises", PROMISE.formatted("x".repeat(4001))),
                400,
                "description");
    }

    @Test
    void a_nul_or_control_character_is_refused_naming_the_field_while_line_breaks_and_tabs_are_text() {
        assertProblem(
                api.post("/api/agreements", AGREEMENT.formatted("1293").replace("LPO Hässleholm", "LPO\\u0000")),
                400,
                "policeArea");
        String id = agreement("1291");
        assertProblem(
                api.post("/api/agreements/" + id + "/promises", PROMISE.formatted("Tillslag\\u0008")),
                400,
                "description");
        assertThat(api.post("/api/agreements/" + id + "/promises", PROMISE.formatted("Rad ett\\r\\nRad två\\tmed tab"))
                        .status())
                .isEqualTo(201);
        assertProblem(api.get("/api/agreements?municipalityCode=1291%01"), 400, "municipalityCode");
    }

    @Test
    void a_date_year_or_period_outside_what_an_agreement_can_have_is_refused_naming_the_field() {
        assertProblem(
                api.post("/api/agreements", AGREEMENT.formatted("1293").replace("\"2021-01-01\"", "\"0001-01-01\"")),
                400,
                "validFrom");
        assertProblem(
                api.post("/api/agreements", AGREEMENT.formatted("1293").replace("\"2021-12-31\"", "\"9999-12-31\"")),
                400,
                "validTo");
        assertProblem(api.post("/api/agreements", AGREEMENT.formatted("1293").replace("2021,", "9999,")), 400, "year");

        String id = agreement("1294");
        String promiseId = api.post("/api/agreements/" + id + "/promises", PROMISE.formatted("ok"))
                .json()
                .get("promises")
                .get(0)
                .get("id")
                .asString();
        for (String period : java.util.List.of("9999", "0001-Q1", "2021-13")) {
            assertProblem(
                    api.post(
                            "/api/agreements/" + id + "/promises/" + promiseId + "/assessments",
                            "{\"period\":\"%s\",\"assessment\":\"FULFILLED\"}".formatted(period)),
                    400,
                    "period");
        }
    }

    private String agreement(String municipalityCode) {
        var created = api.post("/api/agreements", AGREEMENT.formatted(municipalityCode));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
