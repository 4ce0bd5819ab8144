package se.medborgarloften.activity.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgarloften.platform.messaging.testing.Problems.assertProblem;
import static se.medborgarloften.platform.messaging.testing.Problems.assertTooLargeDeclaredOrChunked;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;

/**
 * What a hostile or broken client may send the activity API, and the 4xx problem it gets back: never a 500, always
 * problem+json naming the field where there is one. The details of a traffic control hold the one client-named map
 * (fines by reason), whose keys become keys of the stored document.
 */
@ServiceIntegrationTest
class HostileInputTest {

    static final String CONTROL = """
            {"type":"TRAFFIC_CONTROL","municipalityCode":"1293","area":"%s",
             "occurredAt":"2021-03-31T23:30:00+02:00","endedAt":"2021-04-01T01:00:00+02:00",
             "details":{"kind":"SOBRIETY","targeted":true,"vehiclesChecked":80,"violations":2,
                        "unit":"LPO Hässleholm","finesByReason":{"%s":2}}}""";
    static final String WALK = """
            {"type":"SAFETY_WALK","municipalityCode":"1293","area":"Centrum",
             "occurredAt":"2021-04-20T18:00:00+02:00",
             "details":{"place":"Stationsområdet","participants":14,"findings":[
               {"description":"Mörk gångtunnel","action":{"description":"Byt belysning",
                "responsible":"Tekniska förvaltningen","deadline":"%s","status":"OPEN"}}]}}""";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    static String control(String area, String fineReason) {
        return CONTROL.formatted(area, fineReason);
    }

    @Test
    void a_body_over_256kb_is_refused_413_whether_it_declares_its_length_or_streams_in_chunks() {
        String huge = control("x".repeat(300 * 1024), "Rattfylleri");

        assertTooLargeDeclaredOrChunked(api, "/api/activities", huge);
    }

    @Test
    void a_body_that_is_not_json_is_refused_415_naming_the_header() {
        assertProblem(
                api.send(
                        "POST",
                        "/api/activities",
                        "text/plain",
                        BodyPublishers.ofString(control("Väg 23", "Rattfylleri"))),
                415,
                "Content-Type");
    }

    @Test
    void an_unknown_field_is_refused_naming_it_also_inside_the_details() {
        assertProblem(
                api.post(
                        "/api/activities",
                        control("Väg 23", "Rattfylleri").replace("{\"type\"", "{\"id\":\"a-1\",\"type\"")),
                400,
                "id");
        assertProblem(
                api.post(
                        "/api/activities",
                        control("Väg 23", "Rattfylleri").replace("\"kind\"", "\"driverName\":\"A\",\"kind\"")),
                400,
                "details.driverName");
    }

    @Test
    void a_map_key_that_mongo_would_read_as_an_operator_or_a_path_is_refused_naming_the_map() {
        for (String key : List.of("$where", "$gt", "hastighet.över")) {
            var refused = api.post("/api/activities", control("Väg 23", key));
            assertProblem(refused, 400, "details.finesByReason");
        }
        assertThat(api.post("/api/activities", control("Väg 23", "Rattfylleri")).status())
                .isEqualTo(201);
    }

    @Test
    void an_operator_in_a_query_is_plain_text_that_matches_nothing() {
        var operatorAsArea = api.get("/api/activities?area=%7B%22%24ne%22%3Anull%7D");
        assertThat(operatorAsArea.status()).isEqualTo(200);
        assertThat(operatorAsArea.json().get("content")).isEmpty();
        assertThat(api.get("/api/activities?area%5B%24ne%5D=x").status()).isEqualTo(200);
    }

    @Test
    void a_page_larger_than_100_is_refused_naming_size() {
        assertProblem(api.get("/api/activities?size=101"), 400, "size");
        assertThat(api.get("/api/activities?size=100").status()).isEqualTo(200);
    }

    @Test
    void a_string_longer_than_its_field_takes_is_refused_naming_the_field() {
        assertProblem(api.post("/api/activities", control("x".repeat(201), "Rattfylleri")), 400, "area");
        assertProblem(
                api.post(
                        "/api/activities", control("Väg 23", "Rattfylleri").replace("LPO Hässleholm", "x".repeat(201))),
                400,
                "details.unit");
    }

    @Test
    void a_nul_or_control_character_is_refused_naming_the_field() {
        assertProblem(api.post("/api/activities", control("Väg 23\\u0000", "Rattfylleri")), 400, "area");
        assertProblem(
                api.post("/api/activities", control("Väg 23", "Rattfylleri").replace("LPO Hässleholm", "LPO\\u001b")),
                400,
                "details.unit");
        assertProblem(api.post("/api/activities", control("Väg 23", "Ratt\\u0000")), 400, "details.finesByReason");
        assertProblem(api.get("/api/activities?area=V%C3%A4g%0023"), 400, "area");
    }

    @Test
    void a_moment_or_date_outside_what_an_activity_can_have_is_refused_naming_the_field() {
        assertProblem(
                api.post(
                        "/api/activities",
                        control("Väg 23", "Rattfylleri").replace("2021-03-31T23:30:00+02:00", "0001-01-01T00:00:00Z")),
                400,
                "occurredAt");
        assertProblem(
                api.post(
                        "/api/activities",
                        control("Väg 23", "Rattfylleri").replace("2021-04-01T01:00:00+02:00", "9999-12-31T23:59:59Z")),
                400,
                "endedAt");
        assertProblem(
                api.post("/api/activities", WALK.formatted("0001-01-01")), 400, "details.findings[0].action.deadline");
        assertThat(api.post("/api/activities", WALK.formatted("2021-09-01")).status())
                .isEqualTo(201);
        assertProblem(api.get("/api/activities?from=0001-01-01T00:00:00Z"), 400, "from");
        assertProblem(api.get("/api/activities?to=9999-01-01T00:00:00Z"), 400, "to");
    }
}
