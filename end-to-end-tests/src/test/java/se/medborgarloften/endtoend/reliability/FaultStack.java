package se.medborgarloften.endtoend.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.localstack.BrokerProcess;
import se.medborgarloften.localstack.ServiceProcess;
import se.medborgarloften.localstack.StoreProcess;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongo;
import tools.jackson.databind.JsonNode;

/**
 * What the fault tests run: a real Kafka broker process that a test may stop and start again on the same port and
 * data, promise-, activity- and reporting-service as their own processes, and the MongoDB wire protocol in this JVM.
 * The agreement of Hässleholm 2021 is signed once, so every targeted traffic control posted for March 2021 must move
 * the monthly commitment's {@code done} by exactly one.
 */
final class FaultStack implements AutoCloseable {

    static final String REPORTING_GROUP = "reporting-service";
    /** The progress and the situation picture read activity events in their own consumer groups. */
    static final int REPORTING_GROUPS_OF_ACTIVITY_EVENTS = 2;

    static final Duration STARTUP = Duration.ofMinutes(3);
    static final Path LOGS = Path.of("target", "fault-logs").toAbsolutePath();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SIGNATORIES = """
            {"signatories":[
              {"name":"Lars Svensson","title":"Kommunstyrelsens ordförande","party":"MUNICIPALITY"},
              {"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""";

    /** How long activity-service's driver waits for the store before a write fails (and the API answers 503). */
    static final String STORE_OPTIONS = "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000";

    final BrokerProcess broker;
    /** activity-service's store, a process of its own that a test may stop and start again on the same file. */
    final StoreProcess store;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ServiceProcess promise;
    private final ServiceProcess activity;
    private ServiceProcess reporting;
    private int reportingStarts;

    FaultStack() {
        broker = BrokerProcess.start(ROOT, kafkaData(), LOGS.resolve("kafka.log"), STARTUP);
        store = StoreProcess.start(ROOT, storeData(), LOGS.resolve("mongo.log"), STARTUP);
        promise = start("promise-service", "promise", "promise-service.log");
        activity = ServiceProcess.start(
                "activity-service",
                ROOT,
                broker.bootstrapServers(),
                store.uri("fault-" + run + "-activity") + STORE_OPTIONS,
                LOGS.resolve("activity-service.log"));
        reporting = start("reporting-service", "reporting", "reporting-service.log");
        List.of(promise, activity, reporting).forEach(service -> service.awaitHealthy(STARTUP));
        signAgreement();
    }

    Api activities() {
        return new Api(activity.port());
    }

    Api reports() {
        return new Api(reporting.port());
    }

    /** Stops reporting-service as an operator would (SIGTERM) and starts a new one on the same database and group. */
    void stopReporting() {
        reporting.close();
    }

    /** Kills reporting-service at once (SIGKILL), wherever it is between a store write and an offset commit. */
    void killReporting() {
        reporting.kill();
    }

    void startReporting() {
        reportingStarts++;
        reporting = start("reporting-service", "reporting", "reporting-service-" + reportingStarts + ".log");
        reporting.awaitHealthy(STARTUP);
    }

    /** A targeted traffic control in March 2021: the activity id when activity-service accepted it with 201. */
    String postTrafficControl(int number) {
        var reply = activities().post("/api/activities", """
                {"type":"TRAFFIC_CONTROL","municipalityCode":"1293","area":"Väg 21 norr om Hässleholm",
                 "occurredAt":"2021-03-%02dT07:30:00+01:00",
                 "details":{"kind":"SPEED","targeted":true,"vehiclesChecked":10,"violations":1}}""".formatted(1 + number % 28));
        assertThat(reply.status())
                .as("POST of traffic control %d: %s", number, reply.body())
                .isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** POSTs a traffic control and returns the reply as it is, whatever its status. */
    Api.Reply tryPostTrafficControl(int number) {
        return activities().post("/api/activities", """
                {"type":"TRAFFIC_CONTROL","municipalityCode":"1293","area":"Väg 21 norr om Hässleholm",
                 "occurredAt":"2021-03-%02dT07:30:00+01:00",
                 "details":{"kind":"SPEED","targeted":true,"vehiclesChecked":10,"violations":1}}""".formatted(1 + number % 28));
    }

    /** Writes {@code value} to {@code topic} as it is, keyed {@code key}. */
    void send(String topic, String key, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /** The records on {@code topic}'s DLQ whose key is one of {@code keys}. */
    List<ConsumerRecord<String, String>> deadLetters(String topic, Set<String> keys) {
        return readAll(Topics.dlq(topic)).stream()
                .filter(record -> keys.contains(record.key()))
                .toList();
    }

    /** What reporting-service shows as done in March 2021 for the traffic commitment. */
    long marchDone() {
        JsonNode report =
                reports().get("/api/progress?municipalityCode=1293&year=2021").json();
        if (report.get("agreements").isEmpty()) {
            throw new AssertionError("reporting-service has no signed agreement for 1293 2021 yet");
        }
        return report.get("agreements")
                .get(0)
                .get("promises")
                .valueStream()
                .flatMap(p -> p.get("commitments").valueStream())
                .filter(c -> c.get("activityType").asString().equals("TRAFFIC_CONTROL"))
                .flatMap(c -> c.get("periods").valueStream())
                .filter(p -> p.get("period").asString().equals("2021-03"))
                .findFirst()
                .map(p -> p.get("done").asLong())
                .orElse(0L);
    }

    /** Every record of {@code topic} from its beginning, read until the topic's end offsets are reached. */
    List<ConsumerRecord<String, String>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    /**
     * Writes a record that is not JSON to {@code topic}, keyed {@code key}: every consumer group of reporting-service
     * that reads the topic must dead-letter it once. Returns how many dead letters that makes.
     */
    int sendPoisonRecord(String topic, String key) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, "this is not a CloudEvent"));
            producer.flush();
        }
        return REPORTING_GROUPS_OF_ACTIVITY_EVENTS;
    }

    /** The records on the activity events' DLQ whose key is one of {@code keys}. */
    List<ConsumerRecord<String, String>> deadLetters(Set<String> keys) {
        return readAll(Topics.dlq(Topics.ACTIVITY_EVENTS)).stream()
                .filter(record -> keys.contains(record.key()))
                .toList();
    }

    List<ConsumerRecord<String, String>> deadLetters(String key) {
        return deadLetters(Set.of(key));
    }

    /** Writes every record of {@code topic} once more, key, value and headers as they were: a redelivery of all. */
    int republishAll(String topic) {
        List<ConsumerRecord<String, String>> records = readAll(topic);
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (ConsumerRecord<String, String> record : records) {
                producer.send(new ProducerRecord<>(
                        topic, record.partition(), record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
        return records.size();
    }

    /** Waits until {@code group} has committed every offset of {@code topic} up to its end. */
    void awaitConsumed(String group, String topic) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> lag(admin, group, topic) == 0);
        }
    }

    private static long lag(Admin admin, String group, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        var partitions = admin.describeTopics(Set.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions();
        long lag = 0;
        for (var info : partitions) {
            TopicPartition partition = new TopicPartition(topic, info.partition());
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get()
                    .offset();
            OffsetAndMetadata at = committed.get(partition);
            lag += end - (at == null ? 0 : at.offset());
        }
        return lag;
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
    }

    private void signAgreement() {
        Api promises = new Api(promise.port());
        String agreement =
                promises.post("/api/agreements/import", seed()).json().get("id").asString();
        assertThat(promises.post("/api/agreements/" + agreement + "/sign", SIGNATORIES)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> marchDone() == 0);
    }

    private ServiceProcess start(String module, String database, String logName) {
        return ServiceProcess.start(
                module,
                ROOT,
                broker.bootstrapServers(),
                EmbeddedMongo.uri("fault-" + run + "-" + database),
                LOGS.resolve(logName));
    }

    private static String seed() {
        try (InputStream in = FaultStack.class.getResourceAsStream("/demo/hassleholm-2021.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List.of(reporting, activity, promise).forEach(ServiceProcess::close);
        store.close();
        broker.close();
        deleteQuietly(kafkaData());
        deleteQuietly(storeData());
    }

    private Path kafkaData() {
        return Path.of("target", "fault-kafka-" + run).toAbsolutePath();
    }

    private Path storeData() {
        return Path.of("target", "fault-mongo-" + run).toAbsolutePath();
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // only a test's scratch folder
        }
    }
}
