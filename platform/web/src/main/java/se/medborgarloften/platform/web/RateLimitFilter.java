package se.medborgarloften.platform.web;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Limits how often each client may call the routes of {@link RateLimitProperties}: one Resilience4j rate limiter per
 * route and client (remote address), answered 429 with {@code Retry-After} once the client's allowance is spent. The
 * limiters of a route are kept for at most {@code max-clients} clients, the least recently seen forgotten first, so
 * that many addresses cannot grow the memory without bound.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final List<LimitedRoute> routes;
    private final ProblemResponses problems;

    public RateLimitFilter(RateLimitProperties properties, ProblemResponses problems) {
        this.routes = properties.rateLimits().entrySet().stream()
                .map(LimitedRoute::of)
                .toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LimitedRoute> route = routeOf(request);
        if (route.isPresent()) {
            AtomicRateLimiter limiter = route.get().limiterFor(request.getRemoteAddr());
            if (!limiter.acquirePermission()) {
                long seconds = retryAfterSeconds(limiter);
                problems.write(
                        request,
                        response,
                        ProblemResponses.tooManyRequests(seconds),
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(seconds));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<LimitedRoute> routeOf(HttpServletRequest request) {
        if (routes.isEmpty()) {
            return Optional.empty();
        }
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        return routes.stream()
                .filter(route -> route.matches(request.getMethod(), path))
                .findFirst();
    }

    /** Whole seconds until the next permission, at least one: Retry-After has no fractions. */
    private static long retryAfterSeconds(AtomicRateLimiter limiter) {
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private record LimitedRoute(
            String name,
            Optional<String> method,
            List<PathPattern> paths,
            RateLimiterConfig config,
            Map<String, AtomicRateLimiter> byClient) {

        static LimitedRoute of(Map.Entry<String, RateLimitProperties.Route> entry) {
            RateLimitProperties.Route route = entry.getValue();
            if (route.paths() == null || route.paths().isEmpty() || route.limitForPeriod() < 1) {
                throw new IllegalArgumentException("medborgarloften.rate-limits." + entry.getKey()
                        + " needs paths and a limit-for-period of at least 1");
            }
            RateLimiterConfig config = RateLimiterConfig.custom()
                    .limitForPeriod(route.limitForPeriod())
                    .limitRefreshPeriod(route.refreshPeriod())
                    .timeoutDuration(Duration.ZERO)
                    .build();
            Map<String, AtomicRateLimiter> byClient =
                    Collections.synchronizedMap(new LeastRecentlySeen(route.maxClients()));
            return new LimitedRoute(
                    entry.getKey(),
                    Optional.ofNullable(route.method()).filter(m -> !m.isBlank()),
                    route.paths().stream()
                            .map(PathPatternParser.defaultInstance::parse)
                            .toList(),
                    config,
                    byClient);
        }

        boolean matches(String requestMethod, PathContainer path) {
            return method.map(m -> m.equalsIgnoreCase(requestMethod)).orElse(true)
                    && paths.stream().anyMatch(pattern -> pattern.matches(path));
        }

        AtomicRateLimiter limiterFor(String client) {
            return byClient.computeIfAbsent(client, key -> new AtomicRateLimiter(name + ":" + key, config));
        }
    }

    /** A map in access order that drops its least recently used entry beyond {@code capacity}. */
    private static final class LeastRecentlySeen extends LinkedHashMap<String, AtomicRateLimiter> {

        private final int capacity;

        LeastRecentlySeen(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
            return size() > capacity;
        }
    }
}
