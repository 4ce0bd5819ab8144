package se.medborgarloften.activity.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.RefusedTokens;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TestCaller;

/**
 * Police report every kind of activity, municipal staff their municipality's own kinds, each only where their token
 * says they act; another municipality's activities do not exist for them.
 */
@ServiceIntegrationTest
class ActivityAccessTest {

    static final TestCaller HASSLEHOLM_POLICE = TestCaller.police("1293");
    static final TestCaller HASSLEHOLM_STAFF = TestCaller.staff("1293");
    static final TestCaller KRISTIANSTAD_POLICE = TestCaller.police("1294");

    @LocalServerPort
    int port;

    String hassleholmControl;

    @BeforeEach
    void hassleholmPoliceReportedAControl() {
        var reported = Api.as(port, HASSLEHOLM_POLICE).post("/api/activities", trafficControl("1293"));
        assertThat(reported.status()).isIn(200, 201);
        hassleholmControl = reported.json().get("id").asString();
    }

    @Test
    void without_a_token_nothing_is_reported_or_read() {
        var refused = Api.anonymous(port).post("/api/activities", trafficControl("1293"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Api.anonymous(port)
                        .get("/api/activities/" + hassleholmControl)
                        .status())
                .isEqualTo(401);
        assertThat(Api.anonymous(port).get("/api/activities").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void a_token_that_is_not_valid_is_401(String token) {
        var refused = Api.withToken(port, token).post("/api/activities", safetyWalk("1293"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    static Stream<Named<String>> refusedTokens() {
        return RefusedTokens.of(HASSLEHOLM_POLICE);
    }

    @Test
    void municipal_staff_report_safety_walks_but_not_traffic_controls_and_coordinators_report_nothing() {
        assertThat(Api.as(port, HASSLEHOLM_STAFF)
                        .post("/api/activities", safetyWalk("1293"))
                        .status())
                .isEqualTo(201);

        var control = Api.as(port, HASSLEHOLM_STAFF).post("/api/activities", trafficControl("1293"));
        assertThat(control.status()).isEqualTo(403);
        assertThat(control.contentType()).startsWith("application/problem+json");
        assertThat(control.json().get("detail").asString()).contains("TRAFFIC_CONTROL");
        assertThat(Api.as(port, HASSLEHOLM_STAFF)
                        .delete("/api/activities/" + hassleholmControl + "?reason=fel")
                        .status())
                .isEqualTo(403);

        var coordinator = TestCaller.coordinator("1293");
        assertThat(Api.as(port, coordinator)
                        .post("/api/activities", safetyWalk("1293"))
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, coordinator)
                        .get("/api/activities/" + hassleholmControl)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void police_of_another_municipality_may_not_report_for_it_nor_learn_that_its_activities_exist() {
        var reported = Api.as(port, KRISTIANSTAD_POLICE).post("/api/activities", trafficControl("1293"));
        assertThat(reported.status()).isEqualTo(403);

        var read = Api.as(port, KRISTIANSTAD_POLICE).get("/api/activities/" + hassleholmControl);
        var missing = Api.as(port, KRISTIANSTAD_POLICE).get("/api/activities/no-such-activity");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace("no-such-activity", hassleholmControl));
        assertThat(Api.as(port, KRISTIANSTAD_POLICE)
                        .put("/api/activities/" + hassleholmControl, trafficControl("1294"))
                        .status())
                .isEqualTo(404);
        assertThat(Api.as(port, KRISTIANSTAD_POLICE)
                        .delete("/api/activities/" + hassleholmControl + "?reason=fel")
                        .status())
                .isEqualTo(404);

        assertThat(Api.as(port, KRISTIANSTAD_POLICE)
                        .get("/api/activities?municipalityCode=1293")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, KRISTIANSTAD_POLICE).get("/api/activities").body())
                .doesNotContain(hassleholmControl);
        assertThat(Api.as(port, HASSLEHOLM_POLICE).get("/api/activities").body())
                .contains(hassleholmControl);
    }

    @Test
    void a_correction_may_not_move_an_activity_to_a_municipality_the_caller_does_not_act_for() {
        var moved = Api.as(port, HASSLEHOLM_POLICE).put("/api/activities/" + hassleholmControl, trafficControl("1294"));

        assertThat(moved.status()).isEqualTo(403);
    }

    private static String trafficControl(String municipality) {
        return """
                {"type":"TRAFFIC_CONTROL","municipalityCode":"%s","area":"Väg 21",
                 "occurredAt":"2021-03-04T07:30:00+01:00","externalId":"access-%s",
                 "details":{"kind":"SPEED","targeted":true,"vehiclesChecked":40,"violations":3}}""".formatted(municipality, municipality);
    }

    private static String safetyWalk(String municipality) {
        return """
                {"type":"SAFETY_WALK","municipalityCode":"%s","area":"Centrum",
                 "occurredAt":"2021-04-20T18:00:00+02:00",
                 "details":{"place":"Torget","participants":12,"findings":[
                   {"description":"Mörk gångtunnel","place":"Tunneln",
                    "action":{"description":"Byt belysning","responsible":"Tekniska förvaltningen",
                              "deadline":"2021-09-01","status":"OPEN"}}]}}""".formatted(municipality);
    }
}
