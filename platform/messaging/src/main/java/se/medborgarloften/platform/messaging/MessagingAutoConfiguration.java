package se.medborgarloften.platform.messaging;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.cloud.stream.binder.BinderCustomizer;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import se.medborgarloften.platform.messaging.dedupe.LatestVersionWins;
import se.medborgarloften.platform.messaging.dlq.DeadLetterCounter;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.OutboxRelay;
import se.medborgarloften.platform.messaging.outbox.OutboxSettings;
import se.medborgarloften.platform.messaging.topics.TopicRegistration;

/**
 * The messaging defaults of every service: the outbox and its relay behind a circuit breaker, deduplicating views, the
 * DLQ convention with its counter, and the topic registry. The relay's Resilience4j configuration is in
 * {@link MessagingDefaults}.
 */
@AutoConfiguration(
        after = {
            DataMongoAutoConfiguration.class,
            KafkaAutoConfiguration.class,
            CircuitBreakerAutoConfiguration.class,
            TimeLimiterAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class
        })
@EnableConfigurationProperties(OutboxSettings.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AggregateStores aggregateStores(MongoTemplate mongo) {
        return new AggregateStores(mongo);
    }

    @Bean
    LatestVersionWins latestVersionWins(MongoTemplate mongo) {
        return new LatestVersionWins(mongo);
    }

    /**
     * The relay's own producer: idempotent with acks=all so a retried send is neither lost nor duplicated by the
     * broker, and short blocking limits ({@link OutboxSettings#deliveryTimeout()}) so an unreachable broker fails a
     * batch within seconds instead of stalling the relay, and the relay's circuit breaker opens soon after.
     */
    @Bean
    KafkaTemplate<String, String> outboxKafkaTemplate(KafkaProperties properties, OutboxSettings settings) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                settings.requestTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                settings.deliveryTimeout().toMillis());
        // Waiting for metadata or buffer space counts against the same budget as a delivery.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.requestTimeout().toMillis());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, String> outboxKafkaTemplate,
            AggregateStores stores,
            OutboxSettings settings,
            CircuitBreakerRegistry breakers,
            TimeLimiterRegistry timeLimiters) {
        return new OutboxRelay(
                mongo,
                outboxKafkaTemplate,
                stores,
                settings,
                breakers.circuitBreaker(OutboxRelay.BROKER_CALLS),
                timeLimiters.timeLimiter(OutboxRelay.BROKER_CALLS));
    }

    @Bean
    KafkaAdmin.NewTopics registeredTopics(@Value("${medborgarloften.topics.replicas:1}") int replicas) {
        return TopicRegistration.allTopics(replicas);
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    Gauge outboxBacklogGauge(OutboxRelay relay, MeterRegistry registry) {
        return Gauge.builder("outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events stored with their change but not yet acknowledged by Kafka")
                .register(registry);
    }

    @Bean
    @ConditionalOnClass(KafkaMessageChannelBinder.class)
    @ConditionalOnBean(MeterRegistry.class)
    DeadLetterCounter deadLetterCounter(MeterRegistry registry) {
        return new DeadLetterCounter(registry);
    }

    @Bean
    @ConditionalOnBean(DeadLetterCounter.class)
    @ConditionalOnMissingBean(BinderCustomizer.class)
    BinderCustomizer deadLetterCountingBinder(DeadLetterCounter counter) {
        return (binder, name) -> counter.install(binder);
    }
}
