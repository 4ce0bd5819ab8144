package se.medborgarloften.platform.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the relay paces itself: {@code pollInterval} is the safety net behind the immediate nudge after each write;
 * the backoff doubles from {@code minBackoff} to {@code maxBackoff} while the broker is unreachable (and while the
 * relay's circuit breaker is open). {@code sendTimeout} is the default of the relay's Resilience4j time limit on the
 * broker's acknowledgements ({@code MessagingDefaults}).
 */
@ConfigurationProperties("medborgarloften.outbox")
public record OutboxSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("200ms") Duration minBackoff,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("200") int batchSize) {

    Duration nextBackoff(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
}
