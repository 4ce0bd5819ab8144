package se.medborgarloften.benchmark;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The baseline of the Kafka lines: what the broker alone does on this machine with the plain clients, ~250-byte
 * records on a topic laid out as the platform's (3 partitions): producer and consumer records/s, and the
 * produce-to-consume latency at the freshness phase's steady rate.
 */
final class RawKafka {

    static final String TOPIC = "benchmark.raw.v1";
    static final int RECORD_BYTES = 250;
    private static final String LATENCY_TOPIC = "benchmark.raw-latency.v1";

    record Figures(double producerRate, double consumerRate, Latencies latency) {}

    private final Kafka kafka;

    RawKafka(Kafka kafka) {
        this.kafka = kafka;
    }

    Figures measure(int records, int latencyRate, Duration latencyDuration) {
        kafka.createTopic(TOPIC, 3);
        kafka.createTopic(LATENCY_TOPIC, 3);
        produce(Math.min(records / 10, 20_000)); // warm-up: connections, metadata, JIT
        kafka.readAll(TOPIC, record -> {});
        long startProduce = System.nanoTime();
        produce(records);
        double producerRate = records / seconds(System.nanoTime() - startProduce);
        long startConsume = System.nanoTime();
        long read = kafka.readAll(TOPIC, record -> {});
        double consumerRate = read / seconds(System.nanoTime() - startConsume);
        return new Figures(producerRate, consumerRate, latency(latencyRate, latencyDuration));
    }

    private void produce(int records) {
        char[] filler = new char[RECORD_BYTES - 8];
        Arrays.fill(filler, 'x');
        String payload = new String(filler);
        try (KafkaProducer<String, String> producer = kafka.bulkProducer()) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPIC, String.format("%08d", i), payload));
            }
            producer.flush();
        }
    }

    /** Records sent one at a time at {@code rate}/s, each timed from send to receipt by a consumer at the end. */
    private Latencies latency(int rate, Duration duration) {
        int records = (int) (rate * duration.toSeconds());
        Latencies latencies = new Latencies();
        CountDownLatch ready = new CountDownLatch(1);
        CompletableFuture<Void> receiving = CompletableFuture.runAsync(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer()) {
                List<TopicPartition> partitions = Kafka.partitions(consumer, LATENCY_TOPIC);
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                int received = 0;
                long deadline = System.nanoTime() + duration.plusSeconds(30).toNanos();
                while (received < records && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        latencies.add(System.nanoTime()
                                - ByteBuffer.wrap(record.value()).getLong());
                        received++;
                    }
                }
            }
        });
        await(ready);
        try (KafkaProducer<String, byte[]> producer = bytesProducer()) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                Steady.waitUntil(start + i * 1_000_000_000L / rate);
                byte[] value = new byte[RECORD_BYTES];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(LATENCY_TOPIC, String.valueOf(i), value));
            }
            producer.flush();
        }
        receiving.join();
        return latencies;
    }

    private KafkaProducer<String, byte[]> bytesProducer() {
        var config = new java.util.HashMap<String, Object>();
        config.put("bootstrap.servers", kafkaBootstrap());
        config.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        config.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class);
        config.put("acks", "all");
        config.put("linger.ms", 0);
        return new KafkaProducer<>(config);
    }

    private String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
