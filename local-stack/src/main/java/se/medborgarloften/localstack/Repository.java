package se.medborgarloften.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the build put what the launcher runs: its own classpath and the services' jars. */
record Repository(Path root, String version) {

    /** The repository root is the working directory or one of its parents, so the launcher works from a module too. */
    static Repository around(Path workingDirectory) {
        for (Path folder = workingDirectory.toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw")) && Files.isDirectory(folder.resolve("local-stack"))) {
                return new Repository(folder, buildVersion());
            }
        }
        throw new StartupException("Run the launcher inside the repository (no mvnw and local-stack/ found above "
                + workingDirectory.toAbsolutePath() + ").");
    }

    /** Kafka, its tools and the Mongo server run from the jars the build copied next to the launcher's classes. */
    String localStackClasspath() {
        Path target = root.resolve("local-stack").resolve("target");
        return target.resolve("lib") + "/*" + File.pathSeparator + target.resolve("classes");
    }

    /** Only the launcher's own classes, which hold {@link OrphanGuard}; put in front of a service jar. */
    Path localStackClasses() {
        return root.resolve("local-stack").resolve("target").resolve("classes");
    }

    Path serviceJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
    }

    DataFolder dataFolder() {
        return new DataFolder(root.resolve(".data"));
    }

    /** The services share the launcher's version: the build writes it into local-stack.properties. */
    private static String buildVersion() {
        try (InputStream in = Repository.class.getResourceAsStream("/local-stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
