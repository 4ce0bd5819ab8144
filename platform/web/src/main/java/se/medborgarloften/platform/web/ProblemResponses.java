package se.medborgarloften.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem from a servlet filter, which answers before Spring MVC and so before {@link ProblemDetailsAdvice}:
 * the same format, written by the same mapper.
 */
public final class ProblemResponses {

    static final URI TOO_LARGE = URI.create("https://medborgarloften.se/problems/request-too-large");
    static final URI TOO_MANY_REQUESTS = URI.create("https://medborgarloften.se/problems/too-many-requests");

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    static ProblemDetail tooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes");
        problem.setType(TOO_LARGE);
        problem.setTitle("Request too large");
        problem.setProperty(
                "errors",
                List.of(new ProblemDetailsAdvice.FieldProblem("body", "must be at most " + maxBytes + " bytes")));
        return problem;
    }

    static ProblemDetail tooManyRequests(long retryAfterSeconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client; retry after " + retryAfterSeconds + " seconds");
        problem.setType(TOO_MANY_REQUESTS);
        problem.setTitle("Too many requests");
        return problem;
    }

    public void write(
            HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, String... headers)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
        }
        response.setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
