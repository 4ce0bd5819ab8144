package se.medborgarloften.reporting.rebuild;

import java.util.Collection;
import java.util.List;
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

    /**
     * Applies a change of some aggregates, never at once with another change of any of them nor with a clear. Their
     * locks are taken in one global order, so two batches sharing aggregates cannot wait for each other.
     */
    public void apply(Collection<String> aggregateIds, Runnable change) {
        List<Lock> locks = aggregateIds.stream()
                .map(id -> Math.floorMod(id.hashCode(), STRIPES))
                .distinct()
                .sorted()
                .map(stripe -> aggregates[stripe])
                .toList();
        clearing.readLock().lock();
        try {
            locks.forEach(Lock::lock);
            try {
                change.run();
            } finally {
                locks.forEach(Lock::unlock);
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
