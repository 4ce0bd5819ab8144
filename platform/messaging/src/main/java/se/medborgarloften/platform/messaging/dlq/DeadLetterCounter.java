package se.medborgarloften.platform.messaging.dlq;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.BindingCreatedEvent;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.context.ApplicationListener;
import se.medborgarloften.contracts.Topics;

/**
 * Routes every record that a consumer binding gives up on to {@code <topic>.dlq} ({@link Topics#dlq(String)}), the
 * one DLQ convention of the platform, and counts it there: {@value #METRIC}, tagged with the source topic.
 *
 * <p>The Kafka binder asks its DLQ destination resolver, when it has one, instead of the bindings' {@code dlq-name},
 * exactly once per record it dead-letters; that makes it the binder's one hook for counting them. {@link #install}
 * gives the binder this one. It is not a {@code DlqDestinationResolver} bean because that is a {@code BiFunction},
 * which Spring Cloud Function would bind as a function of the service. Each consumer binding's counter is registered
 * at 0 when the binding is created, so a DLQ nobody has written to yet is visible too.
 */
public class DeadLetterCounter implements ApplicationListener<BindingCreatedEvent> {

    public static final String METRIC = "messaging.dlq.records";

    private final MeterRegistry registry;

    public DeadLetterCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Makes a Kafka binder send dead letters through {@link #deadLetter}; other binders are left as they are. */
    public void install(Binder<?, ?, ?> binder) {
        if (binder instanceof KafkaMessageChannelBinder kafka) {
            kafka.setDlqDestinationResolver(this::deadLetter);
        }
    }

    /** The DLQ of {@code record}, counted once for the record the binder is about to dead-letter. */
    public String deadLetter(ConsumerRecord<?, ?> record, Exception reason) {
        counted(record.topic());
        return Topics.dlq(record.topic());
    }

    /** Counts one dead letter of {@code topic} that the broker has acknowledged ({@link DeadLetters}). */
    public void counted(String topic) {
        counter(topic).increment();
    }

    @Override
    public void onApplicationEvent(BindingCreatedEvent event) {
        if (event.getSource() instanceof Binding<?> binding && binding.isInput()) {
            counter(binding.getName());
        }
    }

    private Counter counter(String topic) {
        return Counter.builder(METRIC)
                .description("Records a consumer could not process, sent to the topic's DLQ with the reason in headers")
                .tag("topic", topic)
                .register(registry);
    }
}
