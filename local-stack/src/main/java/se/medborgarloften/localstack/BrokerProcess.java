package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local stack's Kafka broker as a process that a test can stop and start again on the same ports and data
 * folder, as an outage and a recovery look to the services: what the fault tests run the services against.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Repository repository;
    private final Path dataFolder;
    private final Path log;
    private final int port;
    private final int controllerPort;
    private KafkaBroker running;

    private BrokerProcess(Repository repository, Path dataFolder, Path log, int port, int controllerPort) {
        this.repository = repository;
        this.dataFolder = dataFolder;
        this.log = log;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker on two free loopback ports and waits until it answers.
     *
     * @param repositoryRoot the repository or a folder below it; local-stack must be built
     * @param dataFolder where the broker keeps its log; formatted on first use, reused by {@link #start(Duration)}
     */
    public static BrokerProcess start(Path repositoryRoot, Path dataFolder, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerProcess broker = new BrokerProcess(
                Repository.around(repositoryRoot),
                dataFolder.toAbsolutePath(),
                log.toAbsolutePath(),
                Ports.free(),
                Ports.free());
        broker.start(timeout);
        return broker;
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data, and waits until it answers. */
    public synchronized void start(Duration timeout) {
        if (running == null) {
            running = KafkaBroker.start(repository, dataFolder, log, port, controllerPort);
            running.awaitReady(timeout);
        }
    }

    /** A controlled shutdown, as SIGTERM does it; the process is killed if it overstays 30 s. */
    public synchronized void stop() {
        if (running != null) {
            running.stop(STOP_GRACE);
            running = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
