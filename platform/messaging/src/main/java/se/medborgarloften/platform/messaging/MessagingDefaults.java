package se.medborgarloften.platform.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import se.medborgarloften.platform.messaging.outbox.OutboxRelay;

/**
 * Configuration every service gets once, from here rather than from four copies of application.yml: the outbox
 * relay's circuit breaker and time limit, and the circuit breakers' health component. Added last, so a service's own
 * configuration or a command-line property still wins.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "medborgarloften-messaging-defaults";

    private static final String BREAKER = "resilience4j.circuitbreaker.instances." + OutboxRelay.BROKER_CALLS + ".";
    private static final String TIME_LIMIT = "resilience4j.timelimiter.instances." + OutboxRelay.BROKER_CALLS + ".";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // Three failed batches in a row open the breaker; while open the relay sends nothing for 10 s, then one
            // trial batch decides whether the broker is back.
            Map.entry(BREAKER + "sliding-window-type", "COUNT_BASED"),
            Map.entry(BREAKER + "sliding-window-size", "6"),
            Map.entry(BREAKER + "minimum-number-of-calls", "3"),
            Map.entry(BREAKER + "failure-rate-threshold", "50"),
            Map.entry(BREAKER + "wait-duration-in-open-state", "10s"),
            Map.entry(BREAKER + "permitted-number-of-calls-in-half-open-state", "1"),
            // Shown in /actuator/health, without taking the service DOWN: writes are still accepted into the outbox.
            Map.entry(BREAKER + "register-health-indicator", "true"),
            Map.entry(BREAKER + "allow-health-indicator-to-fail", "false"),
            // Longer than the relay producer's delivery timeout, so a send given up on is never delivered later.
            Map.entry(TIME_LIMIT + "timeout-duration", "${medborgarloften.outbox.send-timeout:10s}"),
            Map.entry("management.health.circuitbreakers.enabled", "true"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
    }
}
