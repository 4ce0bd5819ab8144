package se.medborgarloften.activity.policefeed.kafka;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import se.medborgarloften.activity.policefeed.application.TrafficControlFeed;
import se.medborgarloften.platform.messaging.batch.BatchConsumer;

/**
 * The police feed's consumer, bound as {@code trafficControls-in-0} to {@code police.traffic-controls.v1} (see
 * application.yml), as a batch binding: a police system's backlog arrives thousands at a time, created in one round
 * trip ({@link BatchConsumer}). A {@code MalformedRecordException} goes to the DLQ with its reason and is not retried;
 * a batch that fails otherwise (the store is down) is retried until it goes through.
 */
@Configuration(proxyBeanMethods = false)
class TrafficControlBinding {

    @Bean
    Consumer<Message<List<byte[]>>> trafficControls(TrafficControlFeed feed, BatchConsumer batches) {
        return batch -> batches.handle(batch, feed::read, feed::receiveAll);
    }
}
