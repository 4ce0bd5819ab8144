package se.medborgarloften.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM, always entered through {@link OrphanGuard}. */
record JavaCommand(List<String> jvmOptions, String classpath, String mainClass, List<String> arguments) {

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
