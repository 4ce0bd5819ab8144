package se.medborgarloften.reporting.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.medborgarloften.platform.messaging.testing.Problems.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;

/** The public reads are rate-limited per client, all of them together; here 4 per 2 seconds instead of 50 a second. */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "medborgarloften.rate-limits.public-reads.limit-for-period=4",
            "medborgarloften.rate-limits.public-reads.refresh-period=2s"
        })
class PublicReadRateLimitTest {

    static final int LIMIT = 4;
    static final List<String> PUBLIC_READS = List.of(
            "/api/progress?municipalityCode=1293&year=2021",
            "/api/progress/export.csv?municipalityCode=1293&year=2021",
            "/api/situation/1293");

    @LocalServerPort
    int port;

    @Test
    void a_client_over_its_allowance_gets_429_with_retry_after_until_the_period_turns() {
        Api api = new Api(port);
        List<Api.Reply> burst = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) {
            burst.add(api.get(PUBLIC_READS.get(i % PUBLIC_READS.size())));
        }

        List<Api.Reply> refused =
                burst.stream().filter(reply -> reply.status() != 200).toList();
        assertThat(burst.size() - refused.size())
                .as("a burst spans at most one turn of the period")
                .isBetween(LIMIT, 2 * LIMIT);
        assertThat(refused).isNotEmpty();
        refused.forEach(reply -> {
            assertProblem(reply, 429);
            assertThat(reply.header("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        });
        assertThat(api.get("/actuator/health").status())
                .as("health is not a public read")
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(PUBLIC_READS.get(0)).status() == 200);
    }
}
