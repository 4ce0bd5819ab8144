package se.medborgarloften.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Drops every read model and rebuilds it from offset 0 of its source topics, up to the end offsets seen
 * at the start, with the same projection the live consumers use, then lets each model finish what that projection
 * leaves to the background ({@link RebuildableReadModel#caughtUp()}) before saying it is done. Live consumption goes
 * on meanwhile: every view is version-gated, every figure is recomputed from the views or the day counts, and the
 * incremental day counts pass through the {@link RebuildGate}, so the two meet in the same result.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final List<RebuildableReadModel> readModels;
    private final MongoTemplate mongo;
    private final KafkaProperties kafka;
    private final RebuildGate gate;
    private final Clock clock;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);

    public ReadModelRebuild(
            List<RebuildableReadModel> readModels,
            MongoTemplate mongo,
            KafkaProperties kafka,
            RebuildGate gate,
            Clock clock) {
        this.readModels = readModels;
        this.mongo = mongo;
        this.kafka = kafka;
        this.gate = gate;
        this.clock = clock;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; while one runs, answers its status instead of starting another. */
    public synchronized RebuildStatus start() {
        if (status.get().running()) {
            return status.get();
        }
        status.set(RebuildStatus.started(clock.instant()));
        Thread worker = new Thread(this::run, "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status.get();
    }

    private void run() {
        try {
            gate.clear(() ->
                    readModels.forEach(model -> model.collections().forEach(c -> mongo.remove(new Query(), c))));
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
                readModels.forEach(
                        model -> model.bySourceTopic().forEach((topic, handler) -> replay(consumer, topic, handler)));
            }
            readModels.forEach(RebuildableReadModel::caughtUp);
            status.updateAndGet(s -> s.done(clock.instant()));
            log.info("Read models rebuilt: {}", status.get());
        } catch (RuntimeException e) {
            status.updateAndGet(s -> s.failed(clock.instant(), e.getMessage()));
            log.error("Read model rebuild failed", e);
        }
    }

    private void replay(KafkaConsumer<byte[], byte[]> consumer, String topic, SourceRecords handler) {
        status.updateAndGet(s -> s.reading(topic));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            List<byte[]> values = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    values.add(record.value());
                }
            }
            int skipped = values.isEmpty() ? 0 : handler.applyReadable(values);
            long applied = values.size() - skipped;
            status.updateAndGet(s -> s.progressed(applied, skipped));
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return config;
    }
}
