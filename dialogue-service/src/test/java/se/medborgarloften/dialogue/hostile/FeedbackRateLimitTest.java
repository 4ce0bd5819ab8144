package se.medborgarloften.dialogue.hostile;

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

/** Feedback submission is rate-limited per client; here 3 per 2 seconds instead of the service's 30 a minute. */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "medborgarloften.rate-limits.feedback.limit-for-period=3",
            "medborgarloften.rate-limits.feedback.refresh-period=2s"
        })
class FeedbackRateLimitTest {

    static final int LIMIT = 3;
    static final String CONCERN = """
            {"category":"LIGHTING","perceivedSafety":2}""";

    @LocalServerPort
    int port;

    @Test
    void a_client_over_its_allowance_gets_429_with_retry_after_until_the_period_turns() {
        Api api = new Api(port);
        String id = api.post("/api/dialogues", HostileInputTest.DIALOGUE.formatted("ok"))
                .json()
                .get("id")
                .asString();
        String feedback = "/api/dialogues/" + id + "/feedback";

        List<Api.Reply> burst = new ArrayList<>();
        for (int i = 0; i < 3 * LIMIT; i++) {
            burst.add(api.post(feedback, CONCERN));
        }

        List<Api.Reply> refused =
                burst.stream().filter(reply -> reply.status() != 201).toList();
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
        assertThat(api.get("/api/dialogues/" + id).status())
                .as("reading is not limited")
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.post(feedback, CONCERN).status() == 201);
    }
}
