package se.medborgarloften.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import se.medborgarloften.localstack.AuthServerProcess;
import se.medborgarloften.localstack.BrokerProcess;
import se.medborgarloften.localstack.ServiceProcess;
import se.medborgarloften.localstack.StoreProcess;

/**
 * The whole local stack as {@code ./run.sh} runs it, on free ports and in a scratch folder: the broker and the store
 * started together, then the four services together, then the Hässleholm 2021 agreement imported and signed. It
 * keeps the times the start took for the footprint line.
 */
final class Stack implements AutoCloseable {

    static final String MUNICIPALITY = "1293";
    static final int YEAR = 2021;
    static final String PROGRESS = "/api/progress?municipalityCode=" + MUNICIPALITY + "&year=" + YEAR;

    private static final Duration STARTUP = Duration.ofMinutes(4);
    /**
     * What reporting-service gets in a benchmark: the public reads' per-client rate limit raised, since all the
     * benchmark's readers come from one address. More for every service with {@code --service-arg}.
     */
    static final List<String> REPORTING_ARGUMENTS =
            List.of("--medborgarloften.rate-limits.public-reads.limit-for-period=10000000");

    private static final List<String> MODULES =
            List.of("promise-service", "activity-service", "dialogue-service", "reporting-service");
    private static final String SIGNATORIES = """
            {"signatories":[\
            {"name":"Lars Svensson","title":"Kommunstyrelsens ordförande","party":"MUNICIPALITY"},\
            {"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""";

    final Path root;
    final Path folder;
    final Duration brokerReady;
    final Duration servicesHealthy;
    final Duration agreementVisible;

    private final Options options;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final BrokerProcess broker;
    private final StoreProcess store;
    private final Optional<AuthServerProcess> authServer;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private int reportingStarts;

    Stack(Path root, Options options) {
        this.root = root;
        this.options = options;
        this.folder =
                root.resolve("benchmark/target/runs/" + Instant.now().toString().replace(':', '-'));
        Instant start = Instant.now();
        ExecutorService starting = Executors.newCachedThreadPool();
        try {
            CompletableFuture<StoreProcess> startingStore = CompletableFuture.supplyAsync(
                    () -> StoreProcess.start(root, folder.resolve("mongo"), logs().resolve("mongo.log"), STARTUP),
                    starting);
            // As ./run.sh does: the auth server needs neither the broker nor the store, and the services' jars are
            // unpacked (once per build) while the broker starts.
            CompletableFuture<Optional<AuthServerProcess>> startingAuthServer =
                    CompletableFuture.supplyAsync(this::startAuthServer, starting);
            CompletableFuture<Void> unpacking = CompletableFuture.allOf(MODULES.stream()
                    .map(module -> CompletableFuture.runAsync(
                            () -> ServiceProcess.unpack(module, root, logs().resolve(module + ".log")), starting))
                    .toArray(CompletableFuture[]::new));
            broker = BrokerProcess.start(root, folder.resolve("kafka"), logs().resolve("kafka.log"), STARTUP);
            brokerReady = Duration.between(start, Instant.now());
            store = startingStore.join();
            authServer = startingAuthServer.join();
            authServer.ifPresent(auth -> auth.awaitHealthy(STARTUP));
            unpacking.join();
        } finally {
            starting.shutdown();
        }
        for (String module : MODULES) {
            services.put(module, startService(module, module + ".log"));
        }
        services.values().forEach(service -> service.awaitHealthy(STARTUP));
        servicesHealthy = Duration.between(start, Instant.now());
        signAgreement();
        agreementVisible = Duration.between(start, Instant.now());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Path logs() {
        return folder.resolve("logs");
    }

    Api promises() {
        return api("promise-service", credentials(Credentials.COORDINATOR));
    }

    Api activities() {
        return api("activity-service", credentials(Credentials.COORDINATOR));
    }

    Api reporting() {
        return api("reporting-service", credentials(Credentials.OPERATOR));
    }

    private final Map<String, Credentials> clients = new java.util.concurrent.ConcurrentHashMap<>();

    private Credentials credentials(String clientId) {
        return authServer
                .map(auth -> clients.computeIfAbsent(clientId, id -> Credentials.of(auth.tokenEndpoint(), id)))
                .orElse(Credentials.none());
    }

    HttpClient http() {
        return http;
    }

    /** Stops reporting-service (SIGTERM); {@link #startReporting()} starts it again on the same database. */
    void stopReporting() {
        services.remove("reporting-service").close();
    }

    void startReporting() {
        reportingStarts++;
        ServiceProcess reporting = startService("reporting-service", "reporting-service-" + reportingStarts + ".log");
        services.put("reporting-service", reporting);
        reporting.awaitHealthy(STARTUP);
    }

    /** The resident memory of every process of the stack: the broker, the store and the services. */
    Footprint footprint() {
        return Footprint.ofChildrenOf(ProcessHandle.current());
    }

    /**
     * The authorization server, where it is built, on a free port, as {@code ./run.sh} runs it: the services then take
     * its tokens, and the benchmark's writes and rebuild carry one.
     */
    private Optional<AuthServerProcess> startAuthServer() {
        if (!Files.isDirectory(root.resolve("auth-server/target")) || !hasExecJar(root.resolve("auth-server/target"))) {
            return Optional.empty();
        }
        return Optional.of(AuthServerProcess.start(root, logs().resolve("auth-server.log")));
    }

    private static boolean hasExecJar(Path target) {
        try (var files = Files.list(target)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith("-exec.jar"));
        } catch (IOException e) {
            return false;
        }
    }

    private ServiceProcess startService(String module, String logName) {
        List<String> arguments = new ArrayList<>();
        if (module.equals("reporting-service")) {
            arguments.addAll(REPORTING_ARGUMENTS);
        }
        authServer.ifPresent(auth -> arguments.addAll(auth.resourceServerArguments()));
        arguments.addAll(options.serviceArguments());
        return ServiceProcess.start(
                module,
                root,
                broker.bootstrapServers(),
                store.uri(module.replace("-service", "")),
                logs().resolve(logName),
                arguments.toArray(String[]::new));
    }

    private Api api(String module, Credentials credentials) {
        return new Api(http, services.get(module).port(), credentials);
    }

    private void signAgreement() {
        String id = promises()
                .postAuthenticated("/api/agreements/import", agreement(), 201)
                .path("id")
                .asText();
        promises().postAuthenticated("/api/agreements/" + id + "/sign", SIGNATORIES, 200);
        Waiting.until(
                Duration.ofSeconds(180),
                "reporting-service to show the signed agreement",
                () -> !reporting().get(PROGRESS).path("agreements").isEmpty());
    }

    private static String agreement() {
        try (InputStream in = Stack.class.getResourceAsStream("/demo/hassleholm-2021.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        running.forEach(ServiceProcess::close);
        authServer.ifPresent(AuthServerProcess::close);
        store.close();
        broker.close();
        if (!options.keepData()) {
            delete(folder.resolve("kafka"));
            delete(folder.resolve("mongo"));
        }
    }

    private static void delete(Path path) {
        try (var paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch data of one run; the folder shows what was left
        }
    }
}
