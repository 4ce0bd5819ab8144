package se.medborgarloften.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/** The runnable ({@code exec}) jar that the build makes of a Spring Boot module. */
record BootJar(String module) {

    Path path(Repository repository) {
        return repository.serviceJar(module);
    }

    boolean isBuilt(Repository repository) {
        return Files.isRegularFile(path(repository));
    }

    /**
     * The same as {@code java -jar <exec jar>}, with {@link OrphanGuard} in front: the jar's own main class (Spring
     * Boot's launcher) runs from the classpath, next to the launcher's classes.
     */
    ChildProcess start(Repository repository, List<String> jvmOptions, Path log, List<String> arguments) {
        Path jar = path(repository);
        String classpath = repository.localStackClasses() + File.pathSeparator + jar;
        JavaCommand command = new JavaCommand(jvmOptions, classpath, mainClassOf(jar), arguments);
        return ChildProcess.start(module, command, repository.root(), log);
    }

    private static String mainClassOf(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new StartupException("Cannot read " + jar + ": " + e.getMessage());
        }
    }
}
