package se.medborgarloften.reporting.rebuild;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Keeps a rebuild and the live consumers from interleaving where a projection updates incrementally. A rebuild
 * replays the same aggregates the live consumers are applying; an incremental change (move a count from one day to
 * another) is read-modify-write across documents, so two threads must not apply events of one aggregate at once, and
 * the rebuild must not clear the read models halfway through a live change (the change would be left half in the
 * cleared collections and half in the new ones). Recomputed figures need none of this and do not pass through here.
 */
@Component
public class RebuildGate {

    private static final int STRIPES = 64;

    private final ReadWriteLock clearing = new ReentrantReadWriteLock();
    private final Lock[] aggregates = new Lock[STRIPES];

    public RebuildGate() {
        for (int i = 0; i < STRIPES; i++) {
            aggregates[i] = new ReentrantLock();
        }
    }

    /** Applies a change of one aggregate, never at once with another change of it nor with a clear. */
    public void apply(String aggregateId, Runnable change) {
        clearing.readLock().lock();
        try {
            Lock aggregate = aggregates[Math.floorMod(aggregateId.hashCode(), STRIPES)];
            aggregate.lock();
            try {
                change.run();
            } finally {
                aggregate.unlock();
            }
        } finally {
            clearing.readLock().unlock();
        }
    }

    /** Clears the read models while no change is half applied. */
    public void clear(Runnable clear) {
        clearing.writeLock().lock();
        try {
            clear.run();
        } finally {
            clearing.writeLock().unlock();
        }
    }
}
