package se.medborgarloften.platform.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the relay paces itself: it sends a write's events at once, woken by the write itself; {@code pollInterval} is how
 * long it otherwise sleeps before it looks whether a sweep is due. {@code sweepInterval} is how often it searches every
 * outbox for events no write told it about (left by a crash or by another instance); the sweep is the safety net, so
 * its interval bounds how long such an event waits, and a busy outbox does not make it more frequent. The backoff
 * doubles from {@code minBackoff} to {@code maxBackoff} while the broker is unreachable (and while the relay's circuit
 * breaker is open).
 *
 * <p>{@code deliveryTimeout} bounds how long the relay's producer tries one batch (its {@code delivery.timeout.ms},
 * and with it how long a send may block on an unreachable broker); {@code sendTimeout} is the default of the relay's
 * Resilience4j time limit on the broker's acknowledgements ({@code MessagingDefaults}). The time limit must be the
 * longer of the two, so that a send the relay gave up on is never delivered later behind its retry. Both are short
 * because each failed batch is one failed call of the circuit breaker: three of them open it, so an outage is
 * recognised in a few seconds, not tens of seconds. Nothing is lost by giving up early: the events stay in their
 * documents until the broker acknowledges them.
 */
@ConfigurationProperties("medborgarloften.outbox")
public record OutboxSettings(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("2500ms") Duration deliveryTimeout,
        @DefaultValue("200ms") Duration minBackoff,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("200") int batchSize) {

    public OutboxSettings {
        if (sendTimeout.compareTo(deliveryTimeout) <= 0) {
            throw new IllegalArgumentException("medborgarloften.outbox.send-timeout (" + sendTimeout
                    + ") must be longer than delivery-timeout (" + deliveryTimeout
                    + "), or a send given up on could still be delivered after its retry");
        }
    }

    /** The producer's wait for one broker answer: below the delivery timeout, which must cover it and the linger. */
    public Duration requestTimeout() {
        return deliveryTimeout.multipliedBy(4).dividedBy(5);
    }
}
