package se.medborgarloften.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One of the four services: its module, its port and its own database. */
record Service(String module, int port, String database) implements WebProcess {

    static final Service PROMISE = new Service("promise-service", 8081, "promise");
    static final Service ACTIVITY = new Service("activity-service", 8082, "activity");
    static final Service DIALOGUE = new Service("dialogue-service", 8083, "dialogue");
    static final Service REPORTING = new Service("reporting-service", 8080, "reporting");
    static final List<Service> ALL = List.of(PROMISE, ACTIVITY, DIALOGUE, REPORTING);

    /**
     * Four services start at once on what may be a two-core laptop. The C1 compiler alone and the serial collector
     * start them sooner: with C2 as well a service needs about twice the CPU to start and 30-50 MiB more memory, for a
     * peak speed that ingest and rebuild would not show, as they wait on the store.
     */
    static final List<String> JVM_OPTIONS = List.of(
            JavaCommand.SMALL_INITIAL_HEAP,
            "-Xmx384m",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TieredStopAtLevel=1",
            JavaCommand.SERIAL_GC);

    URI baseUrl() {
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    @Override
    public URI url(String pathAndQuery) {
        return baseUrl().resolve(pathAndQuery);
    }

    /** Pointed at the local stack's store, broker and authorization server. */
    List<String> arguments() {
        List<String> arguments =
                new ArrayList<>(arguments(MongoWireStore.URI + "/" + database, KafkaBroker.BOOTSTRAP_SERVERS));
        arguments.addAll(AuthServer.LOCAL.resourceServerArguments());
        return List.copyOf(arguments);
    }

    /**
     * Command-line properties win over everything in the service's own configuration.
     *
     * <p>The outbox relay's periodic sweep looks for events that no write of this instance named, such as those left
     * by another instance. The local stack runs one instance per service, and the relay still sweeps at start and
     * after any failed pass. On the store process a sweep is a scan of every outbox collection, holding each one while
     * it reads: every 30 s, at 50,000 activities, that put 1.5 s into the benchmark's freshness p99 (0.3 s with
     * the sweep every 10 min).
     */
    List<String> arguments(String mongoUri, String bootstrapServers) {
        return List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--medborgarloften.outbox.sweep-interval=10m");
    }

    /** Unpacks this build's jar ahead of {@link #start}, which would otherwise do it. */
    void unpack(Repository repository, DataFolder data) {
        jar().extracted(repository, data.log(module));
    }

    ChildProcess start(Repository repository, DataFolder data) {
        return start(repository, data.log(module), arguments());
    }

    ChildProcess start(Repository repository, Path log, List<String> arguments) {
        return jar().start(repository, JVM_OPTIONS, log, arguments);
    }

    boolean isBuilt(Repository repository) {
        return jar().isBuilt(repository);
    }

    private BootJar jar() {
        return new BootJar(module);
    }
}
