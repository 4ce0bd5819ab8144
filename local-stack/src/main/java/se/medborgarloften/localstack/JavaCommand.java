package se.medborgarloften.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM, always entered through {@link OrphanGuard}. */
record JavaCommand(List<String> jvmOptions, String classpath, String mainClass, List<String> arguments) {

    /** For the broker and the store: INFO to standard output, which is their log file. */
    static final String SERVER_LOGGING = "-Dlog4j2.configurationFile=classpath:log4j2-server.xml";

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
