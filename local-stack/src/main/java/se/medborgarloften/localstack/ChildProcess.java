package se.medborgarloften.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One process of the stack, its output appended to its own log file. */
final class ChildProcess {

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 25;
    /**
     * How a JVM of the stack ends after {@link #stop}: 143 (128 + SIGTERM) once its shutdown hooks have run, or 0 when
     * {@link OrphanGuard} began the exit first, as {@link Process#destroy()} also closes the child's standard input.
     */
    private static final Set<Integer> STOPPED_CLEANLY = Set.of(0, 143);

    private final String name;
    private final Process process;
    private final Path log;
    private final WrittenOnExit writtenOnExit;

    /**
     * What a process writes on its way out, after its shutdown hooks: {@link #stop} waits for it, and {@code keep}
     * runs once the process has ended cleanly.
     */
    record WrittenOnExit(String what, Runnable keep) {

        static final WrittenOnExit NOTHING = new WrittenOnExit("", () -> {});
    }

    private ChildProcess(String name, Process process, Path log, WrittenOnExit writtenOnExit) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.writtenOnExit = writtenOnExit;
    }

    static ChildProcess start(String name, JavaCommand command, Path workingDirectory, Path log) {
        return start(name, command, workingDirectory, log, WrittenOnExit.NOTHING);
    }

    /**
     * Standard input stays a pipe that nobody writes to: {@link OrphanGuard} in the child reads its end to notice when
     * the launcher is gone.
     */
    static ChildProcess start(
            String name, JavaCommand command, Path workingDirectory, Path log, WrittenOnExit writtenOnExit) {
        ProcessBuilder builder = new ProcessBuilder(command.commandLine())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(JavaCommand.ENVIRONMENT);
        try {
            return new ChildProcess(name, builder.start(), log, writtenOnExit);
        } catch (IOException e) {
            throw new StartupException("Could not start " + name + ": " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    /** Why a stop may take a while, for the user who pressed Ctrl-C. */
    String stopping() {
        return writtenOnExit.what().isEmpty() ? name : name + " (it writes " + writtenOnExit.what() + " first)";
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<ChildProcess> onExit() {
        return process.onExit().thenApply(exited -> this);
    }

    /** Waits for a process that is meant to end by itself, such as a one-off tool. */
    int awaitExit(Duration timeout) {
        if (!exitsWithin(timeout)) {
            process.destroyForcibly();
            throw new StartupException(
                    name + " did not finish within " + timeout.toSeconds() + " s.\n" + logTail(TAIL_LINES));
        }
        return process.exitValue();
    }

    /** SIGTERM lets the process shut down through its own hooks; only one that overstays {@code grace} is killed. */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (exitsWithin(grace)) {
            if (STOPPED_CLEANLY.contains(process.exitValue())) {
                writtenOnExit.keep().run();
            }
        } else {
            System.out.println(name + " did not stop within " + grace.toSeconds() + " s; killing it");
            process.destroyForcibly();
            exitsWithin(KILL_WAIT);
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL, then waits briefly for the process to be gone. */
    void kill() {
        process.destroyForcibly();
        exitsWithin(KILL_WAIT);
    }

    /** Polls {@code ready} until it holds; fails at once, with the end of the log, if the process ends first. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!isAlive()) {
                throw stoppedWhileStarting();
            }
            if (Instant.now().isAfter(deadline)) {
                throw notReadyWithin(timeout);
            }
            Pause.briefly();
        }
    }

    StartupException stoppedWhileStarting() {
        return new StartupException(exitReport());
    }

    StartupException notReadyWithin(Duration timeout) {
        return new StartupException(
                name + " was not ready within " + timeout.toSeconds() + " s.\n" + logTail(TAIL_LINES));
    }

    /** Why the process ended, for the user: its exit code and the end of its log. */
    String exitReport() {
        return name + " exited with code " + process.exitValue() + ".\n" + logTail(TAIL_LINES);
    }

    /** The last lines of the log, for a message that explains why the start failed. */
    private String logTail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return "--- last lines of " + log + "\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    + "\n---";
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    private boolean exitsWithin(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
