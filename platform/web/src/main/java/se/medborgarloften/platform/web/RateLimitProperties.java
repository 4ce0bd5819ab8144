package se.medborgarloften.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate-limited routes of a service, by name: {@code medborgarloften.rate-limits.<name>.*}. Each client (remote
 * address) gets {@code limit-for-period} requests per {@code refresh-period} on the route.
 */
@ConfigurationProperties("medborgarloften")
public record RateLimitProperties(Map<String, Route> rateLimits) {

    public RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /**
     * @param method the HTTP method limited; every method when absent
     * @param paths Spring path patterns, like {@code /api/dialogues/*}{@code /feedback}
     * @param limitForPeriod requests a client may make per period
     * @param refreshPeriod the period after which a client's allowance is whole again
     * @param maxClients how many clients' allowances are kept at once; the least recently seen are forgotten first
     */
    public record Route(
            String method,
            List<String> paths,
            int limitForPeriod,
            @DefaultValue("1s") Duration refreshPeriod,
            @DefaultValue("10000") int maxClients) {}
}
