package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import sun.misc.Signal;

/**
 * Entry point of every child process the launcher starts; it runs the real main class given as first argument.
 *
 * <p>Java cannot ask Linux to end a child when its parent dies, so the child watches the pipe on its standard input
 * instead: the launcher keeps that pipe open and never writes to it, and the operating system closes it however the
 * launcher ends, even on {@code kill -9}. End of input therefore means "the launcher is gone": the child exits through
 * its normal shutdown hooks, and is halted if they hang.
 *
 * <p>Ctrl-C in a terminal sends SIGINT to the whole process group, children included. They ignore it so that the
 * launcher can stop them in order (services, then the store, then the broker) with SIGTERM. Kafka still logs
 * "Terminating process due to signal SIGINT" before handing the signal on to this no-op.
 *
 * <p>This class must use nothing but the JDK, and stay a single class file: the services run it from a jar that
 * holds this class alone, beside their own jars ({@link ExtractedBootJar}).
 */
public final class OrphanGuard {

    /**
     * As long as the launcher waits for a stopping service ({@code ServiceProcess.STOP_GRACE}), which may be writing its
     * class data archive after its hooks have run. A literal: this class may refer to no other class of the launcher.
     */
    private static final long HALT_AFTER_MILLIS = 120_000;

    private OrphanGuard() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: OrphanGuard <main class> [arguments...]");
        }
        Signal.handle(new Signal("INT"), signal -> {});
        daemon("orphan-guard", OrphanGuard::exitWhenLauncherIsGone).start();
        runMain(args[0], Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenLauncherIsGone() {
        try (InputStream launcherPipe = System.in) {
            while (launcherPipe.read() >= 0) {
                // The launcher never writes; anything read is ignored.
            }
        } catch (IOException closed) {
            // A broken pipe means the same as end of input.
        }
        daemon("orphan-guard-halt", OrphanGuard::haltLater).start();
        System.exit(0);
    }

    private static void haltLater() {
        try {
            Thread.sleep(HALT_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }

    private static void runMain(String mainClass, String[] arguments) throws Throwable {
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
