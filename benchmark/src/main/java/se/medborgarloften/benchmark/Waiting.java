package se.medborgarloften.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or the time is up. */
final class Waiting {

    private Waiting() {}

    static void until(Duration timeout, String what, BooleanSupplier condition) {
        if (!within(timeout, Duration.ofMillis(200), condition)) {
            throw new IllegalStateException("Gave up waiting " + timeout.toSeconds() + " s for " + what);
        }
    }

    /** Whether the condition held within {@code timeout}; a condition that throws counts as not yet. */
    static boolean within(Duration timeout, Duration interval, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // e.g. a service still starting
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(interval);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
