package se.medborgarloften.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The class data sharing archive (AppCDS) of an {@link ExtractedBootJar}: the classes a service loaded, parsed and
 * verified once and mapped from one file at every later start, which takes about a quarter off the CPU time a Spring
 * service needs to start, and four of them start at once on two cores.
 *
 * <p>No extra training run is needed: the first run of a build writes the archive when it stops (Java's
 * {@code -XX:ArchiveClassesAtExit}, a few seconds more at Ctrl-C), and it is kept only if that stop was a clean one.
 * Each run writes a file of its own, so two runs of one service never write the same file. Java checks the archive
 * against the classpath and runtime when it maps it, and starts without it, with a warning, if they differ.
 */
final class ClassDataArchive {

    private static final String WRITING = ".jsa.writing";
    /** A JVM writes its archive in seconds; a file this old was left by a run that never stopped cleanly. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path archive;
    private final Path written;
    private final boolean writing;

    /** For one run: it uses the archive if there is one, or else writes it on its way out. */
    ClassDataArchive(Path folder) {
        this.archive = folder.resolve("app.jsa");
        this.written = folder.resolve("app-" + UUID.randomUUID() + WRITING);
        this.writing = !Files.isRegularFile(archive);
    }

    List<String> jvmOptions() {
        if (!writing) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        deleteAbandoned();
        // Writing it warns of each class it leaves out (old class files in some libraries): dozens of log lines.
        return List.of("-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds=off");
    }

    ChildProcess.WrittenOnExit writtenOnExit() {
        return writing
                ? new ChildProcess.WrittenOnExit("its class data archive", this::keep)
                : ChildProcess.WrittenOnExit.NOTHING;
    }

    /** After a clean stop: what the run wrote on its way out becomes the archive of the next starts. */
    void keep() {
        if (Files.isRegularFile(written)) {
            try {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // The next run writes it again.
            }
        }
    }

    private void deleteAbandoned() {
        Instant abandoned = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            files.filter(file -> file.getFileName().toString().endsWith(WRITING))
                    .filter(file -> modifiedBefore(file, abandoned))
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Only disk space is at stake.
        }
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(instant);
        } catch (IOException gone) {
            return false;
        }
    }
}
