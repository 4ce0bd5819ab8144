package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local stack's store (mongo-java-server on an H2 file, {@link MongoWireServer}) as a process that a test can stop
 * and start again on the same port and data file, as an outage and a recovery look to the services.
 */
public final class StoreProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Repository repository;
    private final Path dataFolder;
    private final Path log;
    private final int port;
    private ChildProcess running;

    private StoreProcess(Repository repository, Path dataFolder, Path log, int port) {
        this.repository = repository;
        this.dataFolder = dataFolder;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the store on a free loopback port and waits until it accepts connections.
     *
     * @param repositoryRoot the repository or a folder below it; local-stack must be built
     * @param dataFolder where the store keeps its file; reused by {@link #start(Duration)}
     */
    public static StoreProcess start(Path repositoryRoot, Path dataFolder, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StoreProcess store = new StoreProcess(
                Repository.around(repositoryRoot), dataFolder.toAbsolutePath(), log.toAbsolutePath(), Ports.free());
        store.start(timeout);
        return store;
    }

    /** The connection string of {@code database} on this store, without options. */
    public String uri(String database) {
        return "mongodb://" + Ports.HOST + ":" + port + "/" + database;
    }

    /** Starts the store again after {@link #stop()}, on the same port and file, and waits until it accepts. */
    public synchronized void start(Duration timeout) {
        if (running == null) {
            JavaCommand command = new JavaCommand(
                    MongoWireStore.JVM_OPTIONS,
                    repository.localStackClasspath(),
                    MongoWireServer.class.getName(),
                    List.of(dataFolder.resolve("store.mv").toString(), Ports.HOST, String.valueOf(port)));
            running = ChildProcess.start("mongo", command, repository.root(), log);
            running.awaitReady(timeout, () -> Ports.accepts(port));
        }
    }

    /** SIGTERM, which writes the store file completely; the process is killed if it overstays 20 s. */
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
