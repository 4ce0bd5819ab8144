package se.medborgarloften.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The runnable ({@code exec}) jar that the build makes of a Spring Boot module. */
record BootJar(String module) {

    Path path(Repository repository) {
        return repository.serviceJar(module);
    }

    boolean isBuilt(Repository repository) {
        return Files.isRegularFile(path(repository));
    }

    /** Unpacks the jar if this build's jar has not been unpacked yet; {@code log} gets what the unpacking prints. */
    ExtractedBootJar extracted(Repository repository, Path log) {
        return ExtractedBootJar.of(repository, path(repository), log);
    }

    /**
     * The jar's application as {@code java -jar <exec jar>} would run it, from its unpacked form and with its class
     * data archive, and with {@link OrphanGuard} in front.
     */
    ChildProcess start(Repository repository, List<String> jvmOptions, Path log, List<String> arguments) {
        ExtractedBootJar extracted = extracted(repository, log);
        ClassDataArchive archive = extracted.classDataArchive();
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(archive.jvmOptions());
        JavaCommand command = new JavaCommand(options, extracted.classpath(), extracted.mainClass(), arguments);
        return ChildProcess.start(module, command, repository.root(), log, archive.writtenOnExit());
    }
}
