package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service's runnable jar as its own process, on a free port, pointed at any broker and store: how the
 * end-to-end tests run the services exactly as the local stack does.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * A Spring service stops in a second or two, but on its first stop after a change it also writes its class data
     * archive ({@link ClassDataArchive}): about ten seconds of CPU each, for five of them at once on two cores, on a
     * machine that may be busy with something else.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(120);

    private final Service service;
    private final ChildProcess process;

    private ServiceProcess(Service service, ChildProcess process) {
        this.service = service;
        this.process = process;
    }

    /**
     * @param repositoryRoot the repository or a folder below it; the service must be built
     * @param extraArguments further {@code --property=value} arguments
     */
    public static ServiceProcess start(
            String module,
            Path repositoryRoot,
            String bootstrapServers,
            String mongoUri,
            Path log,
            String... extraArguments) {
        Repository repository = Repository.around(repositoryRoot);
        Service service = new Service(module, Ports.free(), null);
        if (!service.isBuilt(repository)) {
            throw new StartupException("Not built: " + repository.serviceJar(module));
        }
        List<String> arguments = new ArrayList<>(service.arguments(mongoUri, bootstrapServers));
        arguments.addAll(List.of(extraArguments));
        createParentFolder(log);
        return new ServiceProcess(service, service.start(repository, log, arguments));
    }

    /**
     * Unpacks the service's jar if this build's has not been unpacked yet, which {@link #start} would otherwise do
     * first: for a caller that has something else to wait for meanwhile, such as the broker.
     */
    public static void unpack(String module, Path repositoryRoot, Path log) {
        createParentFolder(log);
        new BootJar(module).extracted(Repository.around(repositoryRoot), log);
    }

    public int port() {
        return service.port();
    }

    /** Returns once {@code /actuator/health} says UP; fails with the end of the log if the process stops first. */
    public void awaitHealthy(Duration timeout) {
        new HealthWaiter(HttpClient.newHttpClient()).awaitAll(Map.of(service, process), Instant.now(), timeout);
    }

    /** Kills the service at once (SIGKILL), as a crash would: no shutdown hook, no last offset commit. */
    public void kill() {
        process.kill();
    }

    /** Stops the service as Ctrl-C stops the local stack: SIGTERM, then a kill if it overstays. */
    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }

    private static void createParentFolder(Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
