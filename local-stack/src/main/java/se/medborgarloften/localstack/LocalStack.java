package se.medborgarloften.localstack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the whole platform on 127.0.0.1 without Docker: a Kafka broker, a MongoDB wire-protocol store, the
 * authorization server and the four services, each its own process with its log in {@code .data/logs/}, then the demo
 * agreement. Ctrl-C stops it all.
 */
public final class LocalStack {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration AUTH_SERVER_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(240);
    private static final String BUILD_COMMAND = "./mvnw -DskipTests install";

    private final Repository repository;
    private final DataFolder data;
    private final StackProcesses processes = new StackProcesses();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalStack(Repository repository) {
        this.repository = repository;
        this.data = repository.dataFolder();
    }

    public static void main(String[] args) {
        try {
            LocalStack stack = new LocalStack(Repository.around(Path.of("")));
            Runtime.getRuntime().addShutdownHook(new Thread(stack.processes::stopAll, "local-stack-stop"));
            stack.start();
            stack.runUntilSomethingStops();
        } catch (StartupException e) {
            System.err.println();
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private void start() {
        Instant start = Instant.now();
        checkServicesAreBuilt();
        checkPortsAreFree();
        data.create();
        System.out.println("Starting the Medborgarlöften local stack; data and logs in " + data.root());

        MongoWireStore mongo = MongoWireStore.start(repository, data, processes);
        KafkaBroker kafka = KafkaBroker.start(repository, data, processes);
        // After a build the services' jars are unpacked while the broker starts, instead of one after another later.
        CompletableFuture<Void> unpacking = unpackServices();
        // It needs neither the store nor the broker; the services need it only once requests with tokens come in.
        ChildProcess authServer = AuthServer.LOCAL.start(repository, data);
        processes.register(StackProcesses.Tier.SERVICES, authServer);
        mongo.awaitReady(STORE_TIMEOUT);
        System.out.printf("  %-18s ready after %s%n", "MongoDB store", Elapsed.since(start));
        kafka.awaitReady(BROKER_TIMEOUT);
        System.out.printf("  %-18s ready after %s%n", "Kafka broker", Elapsed.since(start));
        new HealthWaiter(http).awaitAll(Map.of(AuthServer.LOCAL, authServer), start, AUTH_SERVER_TIMEOUT);
        awaitUnpacked(unpacking);

        Instant servicesStart = Instant.now();
        Map<Service, ChildProcess> services = new LinkedHashMap<>();
        for (Service service : Service.ALL) {
            ChildProcess process = service.start(repository, data);
            processes.register(StackProcesses.Tier.SERVICES, process);
            services.put(service, process);
        }
        new HealthWaiter(http).awaitAll(services, servicesStart, SERVICES_TIMEOUT);

        DemoData demo = new DemoData(http, Service.PROMISE, AuthServer.LOCAL.demoTokens());
        demo.loadOnce();
        printUrls(demo);
        System.out.println("Started in " + Elapsed.since(start) + ". Press Ctrl-C to stop everything.");
    }

    /** Each on a thread of its own: the common pool has a single thread on two cores. */
    private CompletableFuture<Void> unpackServices() {
        ExecutorService unpackers = Executors.newFixedThreadPool(Service.ALL.size());
        CompletableFuture<Void> unpacking = CompletableFuture.allOf(Service.ALL.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.unpack(repository, data), unpackers))
                .toArray(CompletableFuture[]::new));
        unpacking.whenComplete((done, failure) -> unpackers.shutdown());
        return unpacking;
    }

    private static void awaitUnpacked(CompletableFuture<Void> unpacking) {
        try {
            unpacking.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartupException startupFailure) {
                throw startupFailure;
            }
            throw e;
        }
    }

    private void checkServicesAreBuilt() {
        List<String> missing = Stream.concat(
                        Stream.of(AuthServer.LOCAL.module()),
                        Service.ALL.stream().map(Service::module))
                .filter(module -> !new BootJar(module).isBuilt(repository))
                .map(module -> repository
                        .root()
                        .relativize(repository.serviceJar(module))
                        .toString())
                .toList();
        if (!missing.isEmpty()) {
            throw new StartupException("Not built yet: " + String.join(", ", missing) + "\nBuild first with "
                    + BUILD_COMMAND + " (./run.sh does that for you).");
        }
    }

    private void checkPortsAreFree() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        owners.put(KafkaBroker.PORT, "Kafka");
        owners.put(KafkaBroker.CONTROLLER_PORT, "Kafka controller");
        owners.put(MongoWireStore.PORT, "MongoDB");
        owners.put(AuthServer.LOCAL.port(), AuthServer.LOCAL.module());
        Service.ALL.forEach(service -> owners.put(service.port(), service.module()));
        String taken = owners.entrySet().stream()
                .filter(owner -> !Ports.isFree(owner.getKey()))
                .map(owner -> owner.getKey() + " (" + owner.getValue() + ")")
                .collect(Collectors.joining(", "));
        if (!taken.isEmpty()) {
            throw new StartupException("Already in use on " + Ports.HOST + ": port " + taken
                    + ".\nIs another local stack, Kafka or MongoDB running? Stop it first.");
        }
    }

    private void printUrls(DemoData demo) {
        System.out.println();
        System.out.printf(
                "  %-18s %s   (try bin/kafka topics --list)%n", "Kafka bootstrap", KafkaBroker.BOOTSTRAP_SERVERS);
        System.out.printf("  %-18s %s%n", "MongoDB", MongoWireStore.URI);
        System.out.printf(
                "  %-18s %s   JWKS %s%n",
                AuthServer.LOCAL.module(), AuthServer.LOCAL.issuer(), AuthServer.LOCAL.jwkSetUri());
        System.out.printf("  %-18s %s%n", "Token", AuthServer.LOCAL.tokenCurl());
        for (Service service : Service.ALL) {
            System.out.printf(
                    "  %-18s %s   Swagger UI %s   health %s%n",
                    service.module(),
                    service.baseUrl(),
                    service.url("/swagger-ui.html"),
                    service.url("/actuator/health"));
        }
        System.out.printf("  %-18s %s%n", "Dashboard", Service.REPORTING.url("/"));
        System.out.printf(
                "  %-18s %s%n",
                "Promise progress",
                Service.REPORTING.url(
                        "/api/progress?municipalityCode=" + demo.municipalityCode() + "&year=" + demo.year()));
        System.out.printf("  %-18s %s%n", "Logs", data.logs());
        System.out.println();
    }

    /** Keeps the launcher in the foreground; a process that ends by itself takes the whole stack down with it. */
    private void runUntilSomethingStops() {
        ChildProcess stopped = processes.firstExit().join();
        if (!processes.isStopping()) {
            System.err.println("Stopping the stack: " + stopped.exitReport());
            System.exit(1);
        }
    }
}
