package se.medborgarloften.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class RequestSizeLimitFilterTest {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new WebLimitsProperties(
                    DataSize.ofBytes(10),
                    Map.of(
                            "import",
                            new WebLimitsProperties.SizeRoute(List.of("/api/surveys/**"), DataSize.ofBytes(100))),
                    1000),
            new ProblemResponses(JsonMapper.builder().build()));

    @Test
    void a_declared_length_over_the_limit_is_answered_413_before_the_body_is_read() throws Exception {
        MockHttpServletRequest request = post("/api/dialogues", 11);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Boolean> passed = new AtomicReference<>(false);

        filter.doFilter(request, response, (req, res) -> passed.set(true));

        assertThat(passed.get()).isFalse();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void a_body_without_a_length_is_cut_off_where_it_reads_past_the_limit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/dialogues") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[11]);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            try {
                ((HttpServletRequest) req).getInputStream().readAllBytes();
            } catch (RequestTooLargeException e) {
                failure.set(e);
            }
        });

        assertThat(failure.get()).isInstanceOf(RequestTooLargeException.class);
    }

    @Test
    void a_route_named_for_larger_bodies_takes_them() throws Exception {
        MockHttpServletRequest request = post("/api/surveys/1293/2021", 100);
        AtomicReference<Integer> read = new AtomicReference<>();

        filter.doFilter(
                request,
                new MockHttpServletResponse(),
                (req, res) ->
                        read.set(((HttpServletRequest) req).getInputStream().readAllBytes().length));

        assertThat(read.get()).isEqualTo(100);
        MockHttpServletResponse tooLarge = new MockHttpServletResponse();
        filter.doFilter(post("/api/surveys/1293/2021", 101), tooLarge, (req, res) -> {});
        assertThat(tooLarge.getStatus()).isEqualTo(413);
    }

    private static MockHttpServletRequest post(String path, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(new byte[bytes]);
        return request;
    }
}
