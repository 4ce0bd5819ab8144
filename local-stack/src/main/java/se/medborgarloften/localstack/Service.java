package se.medborgarloften.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/** One of the four services: its module, its port and its own database. */
record Service(String module, int port, String database) {

    static final Service PROMISE = new Service("promise-service", 8081, "promise");
    static final Service ACTIVITY = new Service("activity-service", 8082, "activity");
    static final Service DIALOGUE = new Service("dialogue-service", 8083, "dialogue");
    static final Service REPORTING = new Service("reporting-service", 8080, "reporting");
    static final List<Service> ALL = List.of(PROMISE, ACTIVITY, DIALOGUE, REPORTING);

    /**
     * Four services start at once on what may be a two-core laptop: the C1 compiler alone and the serial collector
     * start them sooner, at a cost in peak speed that a local stack does not feel.
     */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    URI baseUrl() {
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    URI url(String pathAndQuery) {
        return baseUrl().resolve(pathAndQuery);
    }

    /** Pointed at the local stack's store and broker. */
    List<String> arguments() {
        return arguments(MongoWireStore.URI + "/" + database, KafkaBroker.BOOTSTRAP_SERVERS);
    }

    /** Command-line properties win over everything in the service's own configuration. */
    List<String> arguments(String mongoUri, String bootstrapServers) {
        return List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers);
    }

    /**
     * The same as {@code java -jar <exec jar>}, with {@link OrphanGuard} in front: the jar's own main class (Spring
     * Boot's launcher) runs from the classpath, next to the launcher's classes.
     */
    ChildProcess start(Repository repository, DataFolder data) {
        return start(repository, data.log(module), arguments());
    }

    ChildProcess start(Repository repository, Path log, List<String> arguments) {
        Path jar = repository.serviceJar(module);
        String classpath = repository.localStackClasses() + File.pathSeparator + jar;
        JavaCommand command = new JavaCommand(JVM_OPTIONS, classpath, mainClassOf(jar), arguments);
        return ChildProcess.start(module, command, repository.root(), log);
    }

    boolean isBuilt(Repository repository) {
        return Files.isRegularFile(repository.serviceJar(module));
    }

    private static String mainClassOf(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new StartupException("Cannot read " + jar + ": " + e.getMessage());
        }
    }
}
