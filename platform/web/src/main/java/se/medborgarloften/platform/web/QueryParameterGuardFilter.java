package se.medborgarloften.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query parameter holding a control character (tab, line feed and carriage return aside), as
 * {@link InputGuardModule} refuses one in a JSON field: 400 naming the parameter.
 */
public class QueryParameterGuardFilter extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public QueryParameterGuardFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ProblemDetailsAdvice.FieldProblem> refused = refusedParameter(request.getQueryString());
        if (refused.isPresent()) {
            var problem = ProblemDetailsAdvice.invalid("Invalid request parameters", List.of(refused.get()));
            problems.write(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<ProblemDetailsAdvice.FieldProblem> refusedParameter(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
            if (name == null || value == null) {
                return Optional.of(new ProblemDetailsAdvice.FieldProblem("query", "is not a valid URL-encoded query"));
            }
            if (InputGuardModule.forbiddenCharacterIn(name) >= 0) {
                return Optional.of(
                        new ProblemDetailsAdvice.FieldProblem("query", "must not contain control characters"));
            }
            if (InputGuardModule.forbiddenCharacterIn(value) >= 0) {
                return Optional.of(new ProblemDetailsAdvice.FieldProblem(name, "must not contain control characters"));
            }
        }
        return Optional.empty();
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
