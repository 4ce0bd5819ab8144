package se.medborgarloften.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.RefusedTokens;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TestCaller;

/** The public reads the aggregates and the dashboard without a token; rebuilds and metrics are for operators. */
@ServiceIntegrationTest
class PublicReadsTest {

    @LocalServerPort
    int port;

    @Test
    void progress_situation_export_stream_and_dashboard_need_no_token() {
        Api anyone = Api.anonymous(port);

        assertThat(anyone.get("/api/progress?municipalityCode=1293&year=2021").status())
                .isEqualTo(200);
        assertThat(anyone.get("/api/progress/export.csv?municipalityCode=1293&year=2021")
                        .status())
                .isEqualTo(200);
        assertThat(anyone.get("/api/situation/1293").status()).isEqualTo(200);
        assertThat(anyone.get("/").body()).contains("<html");
        assertThat(anyone.get("/js/dashboard.js").status()).isEqualTo(200);
        assertThat(anyone.get("/css/dashboard.css").status()).isEqualTo(200);
        assertThat(anyone.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anyone.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void a_rebuild_and_the_metrics_need_an_operator() {
        assertThat(Api.anonymous(port).post("/actuator/rebuild", "").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/actuator/metrics").status()).isEqualTo(401);
        var coordinator = Api.as(port, TestCaller.coordinator("1293"));
        assertThat(coordinator.post("/actuator/rebuild", "").status()).isEqualTo(403);
        assertThat(coordinator.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.as(port, TestCaller.operator()).get("/actuator/rebuild").status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void a_token_that_is_not_valid_opens_no_operator_endpoint(String token) {
        var refused = Api.withToken(port, token).get("/actuator/metrics");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    static Stream<Named<String>> refusedTokens() {
        return RefusedTokens.of(TestCaller.operator());
    }

    @Test
    void nothing_but_reading_is_open() {
        assertThat(Api.anonymous(port).post("/api/progress", "{}").status()).isEqualTo(401);
    }
}
