package se.medborgarloften.benchmark;

import java.util.concurrent.locks.LockSupport;

/** Paces a sender to a steady rate against the monotonic clock, so a late send is not followed by a burst of waits. */
final class Steady {

    private Steady() {}

    static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
