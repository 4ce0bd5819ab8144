package se.medborgarloften.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The long-running processes of the stack. They stop in the reverse order of their dependencies: the services first,
 * so that they can still flush to the store and the broker, then the store, then the broker, which needs the most time
 * for its controlled shutdown.
 */
final class StackProcesses {

    /** In stopping order. */
    enum Tier {
        /** Long enough for the first stop after a build, when each writes its class data archive. */
        SERVICES(ServiceProcess.STOP_GRACE),
        STORE(Duration.ofSeconds(10)),
        BROKER(Duration.ofSeconds(30));

        private final Duration grace;

        Tier(Duration grace) {
            this.grace = grace;
        }
    }

    private final Map<Tier, List<ChildProcess>> running = new EnumMap<>(Tier.class);
    private boolean stopping;

    /** A process registered after the stop began, by a start racing with Ctrl-C, is stopped at once. */
    void register(Tier tier, ChildProcess process) {
        synchronized (this) {
            if (!stopping) {
                running.computeIfAbsent(tier, t -> new ArrayList<>()).add(process);
                return;
            }
        }
        process.stop(tier.grace);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** Completes with the first registered process that ends, for whatever reason. */
    CompletableFuture<ChildProcess> firstExit() {
        List<CompletableFuture<ChildProcess>> exits;
        synchronized (this) {
            exits = running.values().stream()
                    .flatMap(List::stream)
                    .map(ChildProcess::onExit)
                    .toList();
        }
        CompletableFuture<ChildProcess> first = new CompletableFuture<>();
        exits.forEach(exit -> exit.thenAccept(first::complete));
        return first;
    }

    void stopAll() {
        Map<Tier, List<ChildProcess>> toStop;
        synchronized (this) {
            stopping = true;
            toStop = new EnumMap<>(running);
            running.clear();
        }
        if (toStop.isEmpty()) {
            return;
        }
        for (Tier tier : Tier.values()) {
            stopTogether(toStop.getOrDefault(tier, List.of()), tier.grace);
        }
        System.out.println("Stopped.");
    }

    private static void stopTogether(List<ChildProcess> processes, Duration grace) {
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess process : processes) {
            if (process.isAlive()) {
                System.out.println("Stopping " + process.stopping() + " ...");
            }
            Thread stopper = new Thread(() -> process.stop(grace), "stop-" + process.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
