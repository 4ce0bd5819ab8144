package se.medborgarloften.reporting.situation.kafka;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgarloften.platform.messaging.batch.BatchConsumer;
import se.medborgarloften.reporting.situation.application.SituationEvents;

/**
 * The functional bindings {@code situationDialogueEvents-in-0}, {@code situationActivityEvents-in-0} and
 * {@code situationPromiseEvents-in-0}, in their own consumer group {@code reporting-situation}: the situation picture
 * reads the topics at its own pace, independent of promise progress. A record that is not a readable event, or lacks
 * what a picture needs, goes to the topic's DLQ with the reason; the offset is committed only after the views are
 * stored and the pictures marked for a redraw.
 */
@Configuration
class SituationEventConsumers {

    @Bean
    Consumer<Message<byte[]>> situationDialogueEvents(SituationEvents events) {
        return message -> events.dialogueEvent(message.getPayload());
    }

    /** A batch binding, like progress's: the activity feed is where the thousands a second come from. */
    @Bean
    Consumer<Message<List<byte[]>>> situationActivityEvents(SituationEvents events, BatchConsumer batches) {
        return batch ->
                batches.handle(batch, SituationEvents::activity, BatchConsumer.Application.all(events::activityEvents));
    }

    @Bean
    Consumer<Message<byte[]>> situationPromiseEvents(SituationEvents events) {
        return message -> events.promiseEvent(message.getPayload());
    }
}
