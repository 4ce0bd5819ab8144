package se.medborgarloften.endtoend.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
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
import org.bson.Document;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.endtoend.HassleholmTraffic;
import se.medborgarloften.localstack.BrokerProcess;
import se.medborgarloften.localstack.ServiceProcess;
import se.medborgarloften.localstack.StoreProcess;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongo;
import se.medborgarloften.platform.messaging.testing.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * What the fault tests run: a real Kafka broker process that a test may stop and start again on the same port and
 * data, the four services as their own processes, a MongoDB wire-protocol store process (activity- and
 * dialogue-service's, which a test may stop) and the MongoDB wire protocol in this JVM (promise- and
 * reporting-service's, which a test reads directly). The agreement of Hässleholm 2021 is signed once, so every
 * targeted traffic control posted for March 2021 must move the monthly commitment's {@code done} by exactly one.
 */
final class FaultStack implements AutoCloseable {

    enum Target {
        PROMISE,
        ACTIVITY,
        DIALOGUE,
        REPORTING
    }

    /** The consumer group of promise progress; the situation picture reads the same topics in its own. */
    static final String REPORTING_GROUP = "reporting-service";

    static final String SITUATION_GROUP = "reporting-situation";
    /** The groups of reporting-service that read activity events: each dead-letters what it cannot read. */
    static final List<String> REPORTING_GROUPS_OF_ACTIVITY_EVENTS = List.of(REPORTING_GROUP, SITUATION_GROUP);

    static final Duration STARTUP = Duration.ofMinutes(3);
    static final Path LOGS = Path.of("target", "fault-logs").toAbsolutePath();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SIGNATORIES = """
            {"signatories":[
              {"name":"Lars Svensson","title":"Kommunstyrelsens ordförande","party":"MUNICIPALITY"},
              {"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""";

    /** How long a service's driver waits for the stoppable store before a write fails (and the API answers 503). */
    static final String STORE_OPTIONS = "?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000";

    /**
     * Kafka forgets a killed consumer after its session timeout (45 s by default) and only then lets the group's new
     * member start: 6 s, the broker's least, keeps the kill-and-restart test short without changing what it tests.
     */
    private static final String QUICK_FAILOVER =
            "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000";

    final BrokerProcess broker;
    /** activity- and dialogue-service's store, a process that a test may stop and start again on the same file. */
    final StoreProcess store;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ServiceProcess promise;
    private final ServiceProcess activity;
    private final ServiceProcess dialogue;
    private final MongoClient reportingStore;
    private ServiceProcess reporting;
    private int reportingStarts;

    FaultStack() {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            broker = started(started, BrokerProcess.start(ROOT, kafkaData(), LOGS.resolve("kafka.log"), STARTUP));
            store = started(started, StoreProcess.start(ROOT, storeData(), LOGS.resolve("mongo.log"), STARTUP));
            promise = started(
                    started, start("promise-service", EmbeddedMongo.uri(database("promise")), "promise-service.log"));
            activity = started(
                    started,
                    start("activity-service", store.uri(database("activity")) + STORE_OPTIONS, "activity-service.log"));
            dialogue = started(
                    started,
                    start("dialogue-service", store.uri(database("dialogue")) + STORE_OPTIONS, "dialogue-service.log"));
            reporting = started(started, startReportingProcess("reporting-service.log"));
            reportingStore = started(started, MongoClients.create(EmbeddedMongo.uri(database("reporting"))));
            List.of(promise, activity, dialogue, reporting).forEach(service -> service.awaitHealthy(STARTUP));
            signAgreement();
        } catch (RuntimeException | Error failed) {
            // No test will close a stack that never finished starting: leave no process behind.
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception alsoFailed) {
                    failed.addSuppressed(alsoFailed);
                }
            }
            throw failed;
        }
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T process) {
        started.add(process);
        return process;
    }

    /** Every HTTP call of the fault tests goes through {@link #send}. */
    Api.Reply get(Target target, String path) {
        return send(target, api -> api.get(path));
    }

    Api.Reply post(Target target, String path, String json) {
        return send(target, api -> api.post(path, json));
    }

    /**
     * The one place that says who calls: a caller of every role for the test municipalities, since these tests are
     * about delivery, not access (each service's access tests are about that).
     */
    private Api.Reply send(Target target, Function<Api, Api.Reply> call) {
        return call.apply(new Api(process(target).port()));
    }

    private ServiceProcess process(Target target) {
        return switch (target) {
            case PROMISE -> promise;
            case ACTIVITY -> activity;
            case DIALOGUE -> dialogue;
            case REPORTING -> reporting;
        };
    }

    /** Stops reporting-service as an operator would (SIGTERM). */
    void stopReporting() {
        reporting.close();
    }

    /** Kills reporting-service at once (SIGKILL), wherever it is between a store write and an offset commit. */
    void killReporting() {
        reporting.kill();
    }

    /** Starts a new reporting-service on the same database and groups, and waits until it is healthy. */
    void startReporting() {
        launchReporting();
        reporting.awaitHealthy(STARTUP);
    }

    /** Starts a new reporting-service on the same database and groups, without waiting for it. */
    void launchReporting() {
        reportingStarts++;
        reporting = startReportingProcess("reporting-service-" + reportingStarts + ".log");
    }

    /** A targeted traffic control in March 2021: the activity id when activity-service accepted it with 201. */
    String postTrafficControl(int number) {
        var reply = tryPostTrafficControl(number);
        assertThat(reply.status())
                .as("POST of traffic control %d: %s", number, reply.body())
                .isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** POSTs a traffic control and returns the reply as it is, whatever its status. */
    Api.Reply tryPostTrafficControl(int number) {
        return post(Target.ACTIVITY, "/api/activities", """
                {"type":"TRAFFIC_CONTROL","municipalityCode":"1293","area":"Väg 21 norr om Hässleholm",
                 "occurredAt":"2021-03-%02dT07:30:00+01:00",
                 "details":{"kind":"SPEED","targeted":true,"vehiclesChecked":10,"violations":1}}""".formatted(1 + number % 28));
    }

    /** A citizen dialogue held in {@code area} on {@code heldOn} (a date of 2021): its id, once accepted with 201. */
    String recordDialogue(String area, String heldOn) {
        var reply = post(Target.DIALOGUE, "/api/dialogues", """
                {"municipalityCode":"1293","area":"%s","heldAt":"%sT18:00:00+01:00","format":"PUBLIC_MEETING",
                 "organiser":"MUNICIPALITY","participants":40}""".formatted(area, heldOn));
        assertThat(reply.status()).as("POST of a dialogue: %s", reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** One citizen's concern of {@code category}, with a perceived safety of 3: the feedback id once accepted. */
    String postFeedback(String dialogueId, String category) {
        var reply = tryPostFeedback(dialogueId, category);
        assertThat(reply.status())
                .as("POST of %s feedback: %s", category, reply.body())
                .isEqualTo(201);
        return feedbackId(reply);
    }

    Api.Reply tryPostFeedback(String dialogueId, String category) {
        return post(Target.DIALOGUE, "/api/dialogues/" + dialogueId + "/feedback", """
                {"category":"%s","perceivedSafety":3,"citizenCount":1,"text":"Fault test"}""".formatted(category));
    }

    /** The id of the feedback item a 201 reply created, from its Location. */
    static String feedbackId(Api.Reply created) {
        String location = created.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Reporting's situation picture of {@code area} in 1293 for the month {@code month} of 2021 ("03"). */
    JsonNode situation(String area, String month) {
        var reply = get(
                Target.REPORTING,
                "/api/situation/1293?from=2021-%s-01&to=2021-%s-28&area=%s"
                        .formatted(month, month, URLEncoder.encode(area, StandardCharsets.UTF_8)));
        assertThat(reply.status()).as("situation picture: %s", reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Writes {@code value} to {@code topic} as it is, keyed {@code key}. */
    void send(String topic, String key, String value) {
        try (var producer = new KafkaProducer<String, String>(producerConfig())) {
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
        JsonNode traffic = HassleholmTraffic.commitment(
                get(Target.REPORTING, HassleholmTraffic.PROGRESS).json());
        return traffic.get("periods")
                .valueStream()
                .filter(p -> p.get("period").asString().equals("2021-03"))
                .findFirst()
                .map(p -> p.get("done").asLong())
                .orElse(0L);
    }

    /**
     * Of {@code activityIds}, those promise progress has counted in its day counts, read from reporting's database:
     * the first thing a batch writes, so a kill after it and before the offset commit is what fault 2 is after.
     */
    Set<String> countedInProgress(Collection<String> activityIds) {
        Set<String> counted = new HashSet<>();
        reportingStore
                .getDatabase(database("reporting"))
                .getCollection("activity_days")
                .find()
                .projection(new Document("members", 1))
                .forEach(
                        day -> counted.addAll(day.get("members", new Document()).keySet()));
        counted.retainAll(Set.copyOf(activityIds));
        return counted;
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

    /** Writes a record that is not JSON to {@code topic}, keyed {@code key}. */
    void sendPoisonRecord(String topic, String key) {
        send(topic, key, "this is not a CloudEvent");
    }

    /** The records on the activity events' DLQ whose key is one of {@code keys}. */
    List<ConsumerRecord<String, String>> deadLetters(Set<String> keys) {
        return deadLetters(Topics.ACTIVITY_EVENTS, keys);
    }

    List<ConsumerRecord<String, String>> deadLetters(String key) {
        return deadLetters(Set.of(key));
    }

    /** Writes every record of {@code topic} once more, key, value and headers as they were: a redelivery of all. */
    int republishAll(String topic) {
        List<ConsumerRecord<String, String>> records = readAll(topic);
        try (var producer = new KafkaProducer<String, String>(producerConfig())) {
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
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> lag(admin, group, topic) == 0);
        }
    }

    /** The offsets {@code group} has committed on {@code topic}, 0 for a partition it has not committed on. */
    Map<TopicPartition, Long> committedOffsets(String group, String topic) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (var info : admin.describeTopics(Set.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()) {
                TopicPartition partition = new TopicPartition(topic, info.partition());
                OffsetAndMetadata at = committed.get(partition);
                offsets.put(partition, at == null ? 0L : at.offset());
            }
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
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

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
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
        String agreement = post(Target.PROMISE, "/api/agreements/import", seed())
                .json()
                .get("id")
                .asString();
        assertThat(post(Target.PROMISE, "/api/agreements/" + agreement + "/sign", SIGNATORIES)
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> marchDone() == 0);
    }

    /** A service as a process that trusts the test JVM's token issuer, whose tokens {@link Api} sends. */
    private ServiceProcess start(String module, String mongoUri, String logName, String... extraArguments) {
        List<String> arguments = new ArrayList<>(TestIssuer.get().serviceArguments());
        arguments.addAll(List.of(extraArguments));
        return ServiceProcess.start(
                module,
                ROOT,
                broker.bootstrapServers(),
                mongoUri,
                LOGS.resolve(logName),
                arguments.toArray(String[]::new));
    }

    private ServiceProcess startReportingProcess(String logName) {
        return start("reporting-service", EmbeddedMongo.uri(database("reporting")), logName, QUICK_FAILOVER);
    }

    private String database(String service) {
        return "fault-" + run + "-" + service;
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
        List.of(reporting, dialogue, activity, promise).forEach(ServiceProcess::close);
        reportingStore.close();
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
