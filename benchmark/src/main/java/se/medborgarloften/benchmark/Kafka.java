package se.medborgarloften.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The plain Kafka clients the benchmark drives: a producer as a police system would run it, readers of whole topics. */
final class Kafka {

    private final String bootstrapServers;

    Kafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Throughput settings, as Kafka's ProducerPerformance is usually run: idempotent with acks=all (the client's
     * default), 5 ms linger, 64 KiB batches.
     */
    KafkaProducer<String, String> bulkProducer() {
        return producer(5, 64 * 1024);
    }

    /** One record per request at once: what a steady trickle of controls looks like. */
    KafkaProducer<String, String> immediateProducer() {
        return producer(0, 16 * 1024);
    }

    private KafkaProducer<String, String> producer(int lingerMs, int batchSize) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
        return new KafkaProducer<>(config);
    }

    KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config);
    }

    /** Every record of {@code topic} from offset 0 to the end offsets seen at the start; returns how many. */
    long readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(java.time.Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        read++;
                    }
                }
            }
            return read;
        }
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    void createTopic(String topic, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves a consumer group to the end of {@code topic}, once its members have left: the broker refuses while a
     * stopped service's consumers are still in the group.
     */
    void skipToEnd(String group, String topic) {
        RuntimeException[] last = {null};
        boolean moved = Waiting.within(java.time.Duration.ofSeconds(90), java.time.Duration.ofSeconds(1), () -> {
            try {
                moveToEnd(group, topic);
                return true;
            } catch (IllegalStateException stillMembers) {
                last[0] = stillMembers;
                return false;
            }
        });
        if (!moved) {
            throw last[0];
        }
    }

    private void moveToEnd(String group, String topic) {
        try (Admin admin = admin();
                KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions(consumer, topic))
                    .forEach((partition, offset) -> end.put(partition, new OffsetAndMetadata(offset)));
            admin.alterConsumerGroupOffsets(group, end).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not move group " + group + " to the end of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
