package se.medborgarloften.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line of a child JVM, always entered through {@link OrphanGuard}. */
record JavaCommand(List<String> jvmOptions, String classpath, String mainClass, List<String> arguments) {

    /** For the broker and the store: INFO to standard output, which is their log file. */
    static final String SERVER_LOGGING = "-Dlog4j2.configurationFile=classpath:log4j2-server.xml";

    /**
     * A heap that starts small and grows only as far as the process needs. Left to itself Java starts the heap at a
     * 64th of the machine's memory (384 MiB on 24 GiB, the whole of a service's maximum), and with the serial collector
     * the young generation is a third of that, all of it resident after the first few collections.
     */
    static final String SMALL_INITIAL_HEAP = "-Xms32m";

    /**
     * For every process of the stack: on two cores the default collector (G1) has no spare core for its concurrent
     * work, starts a JVM later and needs more memory outside the heap.
     */
    static final String SERIAL_GC = "-XX:+UseSerialGC";

    /**
     * glibc gives each thread that allocates natively an arena of its own, up to eight per core, and keeps the freed
     * memory in each; the JVM's native allocations need no such concurrency. Two arenas kept a few MiB less resident
     * in every process of the stack after an ingest.
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(javaExecutable().toString());
        line.addAll(jvmOptions);
        line.add("-cp");
        line.add(classpath);
        line.add(OrphanGuard.class.getName());
        line.add(mainClass);
        line.addAll(arguments);
        return line;
    }

    /** The same Java that runs the launcher, so a child never picks up another version from the PATH. */
    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
