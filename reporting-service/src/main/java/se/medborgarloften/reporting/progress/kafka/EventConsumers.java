package se.medborgarloften.reporting.progress.kafka;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgarloften.platform.messaging.batch.BatchConsumer;
import se.medborgarloften.reporting.progress.application.ProgressEvents;

/**
 * The functional bindings {@code promiseEvents-in-0} and {@code activityEvents-in-0}. A record that is not a
 * readable event goes to the topic's DLQ with the reason; the offset is committed only after the views are stored.
 */
@Configuration
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> promiseEvents(ProgressEvents events) {
        return message -> events.promiseEvent(message.getPayload());
    }

    /** A batch binding: the activity feed is where the thousands a second come from ({@link BatchConsumer}). */
    @Bean
    Consumer<Message<List<byte[]>>> activityEvents(ProgressEvents events, BatchConsumer batches) {
        return batch ->
                batches.handle(batch, ProgressEvents::activity, BatchConsumer.Application.all(events::activityEvents));
    }
}
