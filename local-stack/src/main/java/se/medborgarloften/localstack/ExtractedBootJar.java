package se.medborgarloften.localstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A Spring Boot exec jar unpacked beside it, in {@code target/extracted/<key>/}: the application jar with its libraries
 * in {@code lib/}, as Spring Boot's {@code -Djarmode=tools extract} lays it out. The JVM reads these plain jars faster
 * than the jars nested in the exec jar (a service starts in about two thirds of the CPU time), and class data sharing
 * ({@link ClassDataArchive}) works on plain jars only.
 *
 * <p>It is unpacked once and reused while the key stays the same: the key covers the exec jar's content (not its
 * timestamp, which every build renews), {@link OrphanGuard}, the Java runtime and the repository's folder, everything
 * an archive of its classes depends on.
 */
record ExtractedBootJar(Path folder, Path applicationJar) {

    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(2);
    private static final String PARTIAL = ".partial";
    /** Another launcher may be unpacking the same jar at the same time; its folder is left alone this long. */
    private static final Duration PARTIAL_AGE_KEPT = Duration.ofMinutes(10);

    static ExtractedBootJar of(Repository repository, Path bootJar, Path log) {
        Path folder = bootJar.resolveSibling("extracted").resolve(key(repository, bootJar));
        if (!Files.isDirectory(folder)) {
            extract(repository, bootJar, folder, log);
        }
        return new ExtractedBootJar(folder, folder.resolve(bootJar.getFileName()));
    }

    /**
     * The application jar first, whose manifest names its libraries, then {@link OrphanGuard} in a jar of its own:
     * Java refuses to write a class archive once a class has come from a folder on the classpath.
     */
    String classpath() {
        return applicationJar + File.pathSeparator + orphanGuardJar(folder);
    }

    String mainClass() {
        return mainClassOf(applicationJar);
    }

    ClassDataArchive classDataArchive() {
        return new ClassDataArchive(folder);
    }

    static String mainClassOf(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            throw new StartupException("Cannot read " + jar + ": " + e.getMessage());
        }
    }

    /** Unpacked under a name of its own and renamed when complete, so that no one ever runs a half-unpacked folder. */
    private static void extract(Repository repository, Path bootJar, Path folder, Path log) {
        Path partial = folder.resolveSibling(folder.getFileName() + "-" + UUID.randomUUID() + PARTIAL);
        JavaCommand command = new JavaCommand(
                List.of("-Djarmode=tools"),
                repository.localStackClasses() + File.pathSeparator + bootJar,
                mainClassOf(bootJar),
                List.of("extract", "--destination", partial.toString()));
        ChildProcess extractor =
                ChildProcess.start("extract " + bootJar.getFileName(), command, repository.root(), log);
        if (extractor.awaitExit(EXTRACT_TIMEOUT) != 0) {
            throw new StartupException("Unpacking " + bootJar + " failed; see " + log);
        }
        try {
            writeOrphanGuardJar(orphanGuardJar(partial));
            Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(partial);
            if (!Files.isDirectory(folder)) {
                throw new UncheckedIOException(e);
            }
            // Another launcher unpacked the same jar first: its folder is as good as this one.
        }
        deleteOlderBuilds(folder);
    }

    private static Path orphanGuardJar(Path folder) {
        return folder.resolve("orphan-guard.jar");
    }

    private static void writeOrphanGuardJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(OrphanGuard.class.getName().replace('.', '/') + ".class"));
            out.write(orphanGuardClass());
            out.closeEntry();
        }
    }

    private static byte[] orphanGuardClass() {
        try (InputStream in = OrphanGuard.class.getResourceAsStream(OrphanGuard.class.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries' names, checksums and sizes from the jar's directory, read without unpacking anything; an archive
     * names the absolute paths of its jars and fits one Java runtime only, hence the folder and the runtime too.
     */
    private static String key(Repository repository, Path bootJar) {
        MessageDigest digest = sha256();
        digest.update(utf8(repository.root().toAbsolutePath() + "\n" + System.getProperty("java.home") + "\n"
                + System.getProperty("java.vm.version") + "\n"));
        try (ZipFile zip = new ZipFile(bootJar.toFile())) {
            zip.stream()
                    .forEach(entry ->
                            digest.update(utf8(entry.getName() + " " + entry.getCrc() + " " + entry.getSize() + "\n")));
        } catch (IOException e) {
            throw new StartupException("Cannot read " + bootJar + ": " + e.getMessage());
        }
        digest.update(orphanGuardClass());
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What earlier builds unpacked; a folder still being unpacked by another launcher is left alone. */
    private static void deleteOlderBuilds(Path current) {
        Instant keepSince = Instant.now().minus(PARTIAL_AGE_KEPT);
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            siblings.filter(sibling -> !sibling.equals(current))
                    .filter(sibling ->
                            !sibling.getFileName().toString().endsWith(PARTIAL) || modifiedBefore(sibling, keepSince))
                    .forEach(ExtractedBootJar::deleteQuietly);
        } catch (IOException e) {
            // Only disk space is at stake; the next unpacking tries again.
        }
    }

    private static boolean modifiedBefore(Path path, Instant instant) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(instant);
        } catch (IOException gone) {
            return false;
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Only disk space is at stake; the next unpacking tries again.
        }
    }
}
