package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A real single-node Kafka broker in KRaft combined mode (broker and controller in one process). */
final class KafkaBroker {

    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final String BOOTSTRAP_SERVERS = Ports.HOST + ":" + PORT;

    private static final List<String> JVM_OPTIONS = List.of(
            JavaCommand.SMALL_INITIAL_HEAP,
            "-Xmx512m",
            JavaCommand.SERIAL_GC,
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            JavaCommand.SERVER_LOGGING);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBroker(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaBroker start(Repository repository, DataFolder data, StackProcesses processes) {
        KafkaBroker broker = start(repository, data.kafka(), data.log("kafka"), PORT, CONTROLLER_PORT);
        processes.register(StackProcesses.Tier.BROKER, broker.process);
        return broker;
    }

    /** A broker on the given ports, keeping its data in {@code kafkaFolder}: formatted on first use, reused after. */
    static KafkaBroker start(Repository repository, Path kafkaFolder, Path log, int port, int controllerPort) {
        Path config = writeServerProperties(kafkaFolder, port, controllerPort);
        if (!Files.exists(logDirs(kafkaFolder).resolve("meta.properties"))) {
            format(repository, config, log);
        }
        ChildProcess process = ChildProcess.start(
                "kafka", command(repository, "kafka.Kafka", List.of(config.toString())), repository.root(), log);
        return new KafkaBroker(process, Ports.HOST + ":" + port);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    void stop(Duration grace) {
        process.stop(grace);
    }

    /**
     * The listener alone is not enough: the broker accepts connections before its metadata is loaded, so readiness is
     * a cluster description answered through the admin client.
     */
    void awaitReady(Duration timeout) {
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            process.awaitReady(timeout, () -> Ports.accepts(port) && answers(admin));
        }
    }

    /** Combined mode on loopback, sized for one developer machine. */
    static String serverProperties(Path kafkaFolder) {
        return serverProperties(kafkaFolder, PORT, CONTROLLER_PORT);
    }

    static String serverProperties(Path kafkaFolder, int port, int controllerPort) {
        String plaintext = Ports.HOST + ":" + port;
        String controller = Ports.HOST + ":" + controllerPort;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.bootstrap.servers", controller);
        properties.put("listeners", "PLAINTEXT://" + plaintext + ",CONTROLLER://" + controller);
        properties.put("advertised.listeners", "PLAINTEXT://" + plaintext);
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        properties.put("log.dirs", logDirs(kafkaFolder).toString());
        // One broker: the internal topics cannot have more replicas than that.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers get their partitions at once instead of after the default 3 s wait.
        properties.put("group.initial.rebalance.delay.ms", "0");
        // The services create every topic with its own configuration; a typo must not create a default one.
        properties.put("auto.create.topics.enable", "false");
        // The log cleaner of compacted topics otherwise takes 128 MB of the 512 MB heap.
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Path logDirs(Path kafkaFolder) {
        return kafkaFolder.resolve("logs");
    }

    private static Path writeServerProperties(Path kafkaFolder, int port, int controllerPort) {
        Path config = kafkaFolder.resolve("server.properties");
        try {
            Files.createDirectories(kafkaFolder);
            Files.writeString(config, serverProperties(kafkaFolder, port, controllerPort));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new data folder gets a cluster id and its metadata log once, as {@code kafka-storage.sh format} would do;
     * {@link Uuid#randomUuid()} is what {@code kafka-storage.sh random-uuid} prints.
     */
    private static void format(Repository repository, Path config, Path log) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> arguments = List.of("format", "--standalone", "-t", clusterId, "-c", config.toString());
        ChildProcess formatter = ChildProcess.start(
                "kafka-storage-format",
                command(repository, "kafka.tools.StorageTool", arguments),
                repository.root(),
                log);
        if (formatter.awaitExit(FORMAT_TIMEOUT) != 0) {
            throw new StartupException("Formatting the Kafka data folder failed; see " + log);
        }
    }

    private static JavaCommand command(Repository repository, String mainClass, List<String> arguments) {
        return new JavaCommand(JVM_OPTIONS, repository.localStackClasspath(), mainClass, arguments);
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        int timeoutMillis = (int) ADMIN_TIMEOUT.toMillis();
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
    }

    private static boolean answers(Admin admin) {
        try {
            admin.describeCluster().clusterId().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
