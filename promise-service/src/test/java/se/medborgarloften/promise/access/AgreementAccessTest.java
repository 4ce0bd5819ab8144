package se.medborgarloften.promise.access;

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

/** Coordinators write their own municipality's agreements; nobody else writes, and nobody sees another's. */
@ServiceIntegrationTest
class AgreementAccessTest {

    static final TestCaller HASSLEHOLM = TestCaller.coordinator("1293");
    static final TestCaller KRISTIANSTAD = TestCaller.coordinator("1294");

    @LocalServerPort
    int port;

    @BeforeEach
    void hassleholmHasADraft() {
        Api.as(port, HASSLEHOLM).post("/api/agreements", draft("1293", 2023));
    }

    @Test
    void a_coordinator_drafts_an_agreement_of_their_own_municipality() {
        var created = Api.as(port, KRISTIANSTAD).post("/api/agreements", draft("1294", 2023));

        assertThat(created.status()).isEqualTo(201);
        assertThat(Api.as(port, KRISTIANSTAD).get("/api/agreements/1294-2023").status())
                .isEqualTo(200);
    }

    @Test
    void without_a_token_nothing_is_written_or_read() {
        var refused = Api.anonymous(port).post("/api/agreements", draft("1293", 2024));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(Api.anonymous(port).get("/api/agreements/1293-2023").status())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void a_token_that_is_not_valid_is_401(String token) {
        var refused = Api.withToken(port, token).post("/api/agreements", draft("1293", 2024));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    static Stream<Named<String>> refusedTokens() {
        return RefusedTokens.of(HASSLEHOLM);
    }

    @Test
    void police_and_municipal_staff_may_read_but_not_write_agreements() {
        for (TestCaller other : new TestCaller[] {TestCaller.police("1293"), TestCaller.staff("1293")}) {
            var refused = Api.as(port, other).post("/api/agreements", draft("1293", 2025));
            assertThat(refused.status()).as(other.subject()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Api.as(port, other)
                            .post("/api/agreements/1293-2023/close", "")
                            .status())
                    .isEqualTo(403);
            assertThat(Api.as(port, other).get("/api/agreements/1293-2023").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void another_municipalitys_coordinator_may_not_draft_for_it_nor_learn_that_its_agreements_exist() {
        var drafted = Api.as(port, KRISTIANSTAD).post("/api/agreements", draft("1293", 2026));
        assertThat(drafted.status()).isEqualTo(403);

        var closing = Api.as(port, KRISTIANSTAD).post("/api/agreements/1293-2023/close", "");
        var reading = Api.as(port, KRISTIANSTAD).get("/api/agreements/1293-2023");
        var missing = Api.as(port, KRISTIANSTAD).get("/api/agreements/1293-1999");
        assertThat(closing.status()).isEqualTo(404);
        assertThat(reading.status()).isEqualTo(404);
        assertThat(reading.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace("1999", "2023"));

        assertThat(Api.as(port, KRISTIANSTAD)
                        .get("/api/agreements?municipalityCode=1293")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, KRISTIANSTAD).get("/api/agreements").json().toString())
                .doesNotContain("1293");
        assertThat(Api.as(port, HASSLEHOLM)
                        .get("/api/agreements?municipalityCode=1293")
                        .json()
                        .toString())
                .contains("1293-2023");
    }

    @Test
    void health_and_api_docs_are_public_other_actuator_endpoints_are_for_operators() {
        assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(Api.as(port, HASSLEHOLM).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(Api.as(port, TestCaller.operator()).get("/actuator/metrics").status())
                .isEqualTo(200);
    }

    private static String draft(String municipality, int year) {
        return """
                {"municipalityCode":"%s","municipalityName":"Kommun %s","policeArea":"LPO %s","year":%d,
                 "validFrom":"%d-01-01","validTo":"%d-12-31","basis":["INTELLIGENCE"]}""".formatted(municipality, municipality, municipality, year, year, year);
    }
}
