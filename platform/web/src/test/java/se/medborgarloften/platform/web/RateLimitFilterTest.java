package se.medborgarloften.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(
            new RateLimitProperties(Map.of(
                    "feedback",
                    new RateLimitProperties.Route(
                            "POST", List.of("/api/dialogues/*/feedback"), 2, Duration.ofMillis(500), 100))),
            new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void a_client_over_its_allowance_gets_429_with_retry_after_and_then_its_allowance_back() throws Exception {
        assertThat(call("POST", "/api/dialogues/d-1/feedback", "10.0.0.1").getStatus())
                .isEqualTo(200);
        assertThat(call("POST", "/api/dialogues/d-1/feedback", "10.0.0.1").getStatus())
                .isEqualTo(200);

        MockHttpServletResponse refused = call("POST", "/api/dialogues/d-2/feedback", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");

        await().atMost(Duration.ofSeconds(3))
                .until(() ->
                        call("POST", "/api/dialogues/d-1/feedback", "10.0.0.1").getStatus() == 200);
    }

    @Test
    void each_client_has_its_own_allowance_and_other_routes_are_not_limited() throws Exception {
        for (int i = 0; i < 3; i++) {
            call("POST", "/api/dialogues/d-1/feedback", "10.0.0.2");
        }
        assertThat(call("POST", "/api/dialogues/d-1/feedback", "10.0.0.3").getStatus())
                .isEqualTo(200);
        assertThat(call("GET", "/api/dialogues/d-1/feedback", "10.0.0.2").getStatus())
                .isEqualTo(200);
        assertThat(call("POST", "/api/dialogues", "10.0.0.2").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse call(String method, String path, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
