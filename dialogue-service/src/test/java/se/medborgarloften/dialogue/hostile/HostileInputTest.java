package se.medborgarloften.dialogue.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgarloften.platform.messaging.testing.Problems.assertProblem;
import static se.medborgarloften.platform.messaging.testing.Problems.assertTooLargeDeclaredOrChunked;

import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.dialogue.survey.domain.SurveyIndicator;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;

/**
 * What a hostile or broken client may send the dialogue API, and the 4xx problem it gets back: never a 500, always
 * problem+json naming the field where there is one.
 */
@ServiceIntegrationTest
class HostileInputTest {

    static final String DIALOGUE = """
            {"municipalityCode":"1293","area":"Centrum","heldAt":"2021-03-04T18:00:00+01:00","format":"SAFETY_WALK",
             "organiser":"JOINT","participants":14,"summary":"%s"}""";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void a_body_over_256kb_is_refused_413_whether_it_declares_its_length_or_streams_in_chunks() {
        String huge = DIALOGUE.formatted("x".repeat(300 * 1024));

        assertTooLargeDeclaredOrChunked(api, "/api/dialogues", huge);
    }

    @Test
    void a_survey_csv_larger_than_other_bodies_is_taken_but_not_one_over_2mb() {
        StringBuilder csv = new StringBuilder("area,indicator,value\n");
        for (int area = 1; area <= 400; area++) {
            for (SurveyIndicator indicator : SurveyIndicator.values()) {
                csv.append("Område %03d norr om stationen,%s,2.4\n".formatted(area, indicator));
            }
        }
        assertThat(csv.length()).isGreaterThan(256 * 1024);
        var large = api.send("POST", "/api/surveys/1293/2021", "text/csv", BodyPublishers.ofString(csv.toString()));
        assertThat(large.status()).as(large.body()).isEqualTo(200);
        assertThat(large.json().get("accepted").asInt()).isEqualTo(400 * SurveyIndicator.values().length);

        String tooLarge = "x".repeat(2 * 1024 * 1024 + 1);
        assertProblem(
                api.send("POST", "/api/surveys/1293/2022", "text/csv", BodyPublishers.ofString(tooLarge)), 413, "body");
    }

    @Test
    void a_body_in_a_content_type_the_route_does_not_take_is_refused_415_naming_the_header() {
        assertProblem(
                api.send("POST", "/api/dialogues", "text/plain", BodyPublishers.ofString(DIALOGUE.formatted("ok"))),
                415,
                "Content-Type");
        assertProblem(
                api.send("POST", "/api/surveys/1293/2021", "application/xml", BodyPublishers.ofString("<a/>")),
                415,
                "Content-Type");
    }

    @Test
    void an_unknown_field_is_refused_naming_it() {
        assertProblem(
                api.post("/api/dialogues", DIALOGUE.formatted("ok").replace("{", "{\"id\":\"d-mine\",")), 400, "id");
    }

    @Test
    void an_operator_key_is_an_unknown_field_and_an_operator_in_a_query_is_plain_text() {
        assertProblem(
                api.post("/api/dialogues", DIALOGUE.formatted("ok").replace("{", "{\"$where\":\"sleep(1000)\",")),
                400,
                "$where");

        var operatorAsArea = api.get("/api/dialogues?area=%7B%22%24ne%22%3Anull%7D");
        assertThat(operatorAsArea.status()).isEqualTo(200);
        assertThat(operatorAsArea.json().get("content")).isEmpty();
        assertThat(api.get("/api/dialogues?area%5B%24ne%5D=x").status()).isEqualTo(200);
    }

    @Test
    void a_page_larger_than_100_is_refused_naming_size() {
        assertProblem(api.get("/api/dialogues?size=101"), 400, "size");
        assertThat(api.get("/api/dialogues?size=100").status()).isEqualTo(200);
    }

    @Test
    void a_string_longer_than_its_field_takes_is_refused_naming_the_field() {
        assertProblem(api.post("/api/dialogues", DIALOGUE.formatted("x".repeat(4001))), 400, "summary");
        assertProblem(
                api.post("/api/dialogues", DIALOGUE.formatted("ok").replace("Centrum", "C".repeat(201))), 400, "area");
        var pastTheBackstop =
                api.post("/api/dialogues", DIALOGUE.formatted("ok").replace("Centrum", "C".repeat(10_001)));
        assertProblem(pastTheBackstop, 400, "area");
        assertThat(pastTheBackstop.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be at most 10000 characters");
    }

    @Test
    void a_nul_or_control_character_is_refused_naming_the_field_while_line_breaks_and_tabs_are_text() {
        assertProblem(
                api.post("/api/dialogues", DIALOGUE.formatted("ok").replace("Centrum", "Centrum\\u0000")), 400, "area");
        assertProblem(api.post("/api/dialogues", DIALOGUE.formatted("ok\\u001b[2J")), 400, "summary");
        String id = api.post("/api/dialogues", DIALOGUE.formatted("Rad ett\\nRad två\\tmed tab"))
                .json()
                .get("id")
                .asString();
        assertProblem(api.post("/api/dialogues/" + id + "/feedback", """
                        {"category":"LIGHTING","text":"Mörkt\\u0007"}"""), 400, "text");
        assertProblem(api.get("/api/dialogues?area=Centrum%00"), 400, "area");
    }

    @Test
    void a_date_outside_what_a_dialogue_can_have_is_refused_naming_the_field() {
        assertProblem(
                api.post(
                        "/api/dialogues",
                        DIALOGUE.formatted("ok").replace("2021-03-04T18:00:00+01:00", "0001-01-01T00:00:00Z")),
                400,
                "heldAt");
        assertProblem(
                api.post(
                        "/api/dialogues",
                        DIALOGUE.formatted("ok").replace("2021-03-04T18:00:00+01:00", "9999-12-31T23:59:59Z")),
                400,
                "heldAt");
        assertProblem(api.get("/api/dialogues?from=0001-01-01T00:00:00Z"), 400, "from");
        assertProblem(api.get("/api/surveys/1293/9999"), 400, "year");
    }
}
