package se.medborgarloften.reporting.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgarloften.platform.messaging.testing.Problems.assertProblem;

import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;

/**
 * What a hostile or broken client may send the public read API, and the 4xx problem it gets back: never a 500, always
 * problem+json naming the parameter where there is one. The API takes no bodies, so the body classes (unknown fields,
 * map keys, 415) are the writing services' tests.
 */
@ServiceIntegrationTest
class HostileInputTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void a_read_that_carries_a_large_body_is_refused_413_before_anything_reads_it() {
        var padded = api.send(
                "GET",
                "/api/progress?municipalityCode=1293&year=2021",
                "application/json",
                BodyPublishers.ofString("x".repeat(300 * 1024)));

        assertProblem(padded, 413, "body");
    }

    @Test
    void a_write_to_the_read_api_is_refused_as_a_problem() {
        var write = api.send("POST", "/api/progress", "text/plain", BodyPublishers.ofString("hej"));

        assertThat(write.status()).isBetween(400, 499);
        assertThat(write.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_operator_in_a_query_is_plain_text_that_matches_nothing_or_breaks_the_parameter_format() {
        var operatorAsArea = api.get("/api/situation/1293?area=%7B%22%24ne%22%3Anull%7D");
        assertThat(operatorAsArea.status()).isEqualTo(200);
        assertThat(operatorAsArea.contentType()).startsWith("application/json");

        assertProblem(api.get("/api/progress?municipalityCode=%24gt&year=2021"), 400, "municipalityCode");
        assertProblem(api.get("/api/situation/%24where"), 400, "municipalityCode");
    }

    @Test
    void an_area_longer_than_any_area_is_refused_naming_it() {
        assertProblem(api.get("/api/situation/1293?area=" + "a".repeat(201)), 400, "area");
    }

    @Test
    void a_nul_or_control_character_in_a_parameter_is_refused_naming_it() {
        assertProblem(api.get("/api/situation/1293?area=Centrum%00"), 400, "area");
        assertProblem(api.get("/api/progress?municipalityCode=12%1B93&year=2021"), 400, "municipalityCode");
        assertThat(api.get("/api/situation/1293?area=S%3At+Olof").status()).isEqualTo(200);
    }

    @Test
    void a_window_or_year_outside_2000_to_2100_is_refused_naming_the_parameter() {
        assertProblem(api.get("/api/situation/1293?from=0001-01-01&to=0001-12-31"), 400, "from");
        assertProblem(api.get("/api/situation/1293?from=2021-01-01&to=9999-12-31"), 400, "to");
        assertProblem(api.get("/api/situation/1293?from=2021-01-01T00:00:00Z&to=9999-01-01T00:00:00Z"), 400, "to");
        assertProblem(api.get("/api/progress?municipalityCode=1293&year=9999"), 400, "year");
        assertProblem(api.get("/api/progress/export.csv?municipalityCode=1293&year=1"), 400, "year");
    }
}
