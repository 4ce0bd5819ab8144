package se.medborgarloften.platform.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import se.medborgarloften.platform.web.ProblemResponses;

/**
 * 401 and 403 in the platform's one error format. The bearer-token handlers still set {@code WWW-Authenticate} (RFC
 * 6750), so clients learn why a token was refused; the body is problem+json like every other error.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHENTICATED = URI.create("https://medborgarloften.se/problems/unauthenticated");
    static final URI FORBIDDEN = URI.create("https://medborgarloften.se/problems/forbidden");

    private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException, ServletException {
        bearerEntryPoint.commence(request, response, authException);
        problems.write(
                request,
                response,
                problem(
                        HttpStatus.UNAUTHORIZED,
                        UNAUTHENTICATED,
                        "A valid bearer token is needed: " + authException.getMessage()));
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException, ServletException {
        bearerDenied.handle(request, response, accessDeniedException);
        problems.write(request, response, problem(HttpStatus.FORBIDDEN, FORBIDDEN, accessDeniedException.getMessage()));
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
