package se.medborgarloften.platform.web.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method the {@link Caller} behind the request's bearer token. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    /** The claims the platform's tokens carry besides the standard ones; SPEC.md, Roles. */
    static final String ROLES_CLAIM = "roles";

    static final String MUNICIPALITIES_CLAIM = "municipalities";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            // Only reachable if a service's rules made a caller-taking endpoint public: a wiring mistake, not a 500.
            throw new InsufficientAuthenticationException("A bearer token is needed");
        }
        Jwt jwt = token.getToken();
        return new Caller(jwt.getSubject(), strings(jwt, ROLES_CLAIM), strings(jwt, MUNICIPALITIES_CLAIM));
    }

    private static Set<String> strings(Jwt jwt, String claim) {
        List<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
        return values == null ? Set.of() : values.stream().collect(Collectors.toUnmodifiableSet());
    }
}
