package se.medborgarloften.reporting.progress.kafka;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.platform.messaging.events.EventReader;
import se.medborgarloften.reporting.progress.application.ProgressProjector;

/**
 * The functional bindings {@code promiseEvents-in-0} and {@code activityEvents-in-0}. A record that is not a
 * readable event goes to the topic's DLQ with the reason; the offset is committed only after the views are stored.
 */
@Configuration
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> promiseEvents(ProgressProjector projector) {
        return message -> projector.on(
                EventReader.read(message.getPayload(), AgreementEvent.class).data());
    }

    @Bean
    Consumer<Message<byte[]>> activityEvents(ProgressProjector projector) {
        return message -> projector.on(
                EventReader.read(message.getPayload(), ActivityEvent.class).data());
    }
}
