package se.medborgarloften.activity.policefeed.kafka;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgarloften.activity.policefeed.application.TrafficControlFeed;

/**
 * The police feed's consumer, bound as {@code trafficControls-in-0} to {@code police.traffic-controls.v1} (see
 * application.yml). Retries, the DLQ and its reason headers are the binder's; a {@code MalformedRecordException} is
 * not retried.
 */
@Configuration(proxyBeanMethods = false)
class TrafficControlBinding {

    @Bean
    Consumer<Message<byte[]>> trafficControls(TrafficControlFeed feed) {
        return message -> feed.receive(message.getPayload());
    }
}
