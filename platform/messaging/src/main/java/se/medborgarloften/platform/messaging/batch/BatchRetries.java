package se.medborgarloften.platform.messaging.batch;

import java.util.Objects;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries a failed batch until it succeeds, backing off from 200 ms to 5 s. A batch handler dead-letters what it
 * must itself ({@link BatchConsumer}), so what reaches the container is a failure of the store or the broker, which
 * passes: without this the binder would drop the batch (no DLQ) or dead-letter all of it (DLQ on), losing records
 * that were never wrong. The container pauses the partitions while it waits, so the consumer stays in its group.
 * Record-at-a-time bindings keep the binder's own retry and DLQ.
 */
public class BatchRetries implements ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> {

    private final BindingServiceProperties bindings;

    public BatchRetries(BindingServiceProperties bindings) {
        this.bindings = bindings;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group) {
        boolean batch = bindings.getBindings().keySet().stream()
                .map(bindings::getBindingProperties)
                .anyMatch(binding -> destinationName.equals(binding.getDestination())
                        && Objects.equals(group, binding.getGroup())
                        && binding.getConsumer() != null
                        && binding.getConsumer().isBatchMode());
        if (batch) {
            ExponentialBackOff untilItWorks = new ExponentialBackOff(200, 2.0);
            untilItWorks.setMaxInterval(5_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(untilItWorks));
        }
    }
}
