package se.medborgarloften.platform.messaging.batch;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import se.medborgarloften.platform.messaging.MessagingAutoConfiguration;
import se.medborgarloften.platform.messaging.dlq.DeadLetterCounter;
import se.medborgarloften.platform.messaging.dlq.DeadLetters;

/** What batch bindings need: their dead letters and their retries ({@link BatchConsumer}). */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean(DeadLetterCounter.class)
public class BatchConsumerConfiguration {

    /** Dead letters are few and must not be lost: acknowledged by every replica, sent once. */
    @Bean
    DeadLetters deadLetters(KafkaProperties properties, DeadLetterCounter counter) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)), counter);
    }

    @Bean
    BatchConsumer batchConsumer(DeadLetters deadLetters) {
        return new BatchConsumer(deadLetters);
    }

    @Bean
    BatchRetries batchRetries(BindingServiceProperties bindings) {
        return new BatchRetries(bindings);
    }
}
