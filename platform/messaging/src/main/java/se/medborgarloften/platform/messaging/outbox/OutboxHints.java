package se.medborgarloften.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The documents written since the relay last looked, so that it reads just those by id. Bounded: a write beyond
 * {@code capacity} is not remembered but marks the hints incomplete, and the relay then sweeps every outbox, which finds
 * it as well. A relay that far behind costs a fixed amount of memory, not one entry per write.
 */
final class OutboxHints {

    private final int capacity;
    private final Set<OutboxWrite> writes = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean incomplete = new AtomicBoolean();

    OutboxHints(int capacity) {
        this.capacity = capacity;
    }

    /** Called by writers; the size check and the add are not atomic, so racing writers may pass the bound by a few. */
    void add(OutboxWrite write) {
        if (writes.size() >= capacity) {
            incomplete.set(true);
        } else {
            writes.add(write);
        }
    }

    /** Takes every remembered write, so each is looked at once; writes that race with this stay for the next call. */
    Drained drain() {
        boolean complete = !incomplete.getAndSet(false);
        Map<String, List<String>> idsByCollection = new HashMap<>();
        for (Iterator<OutboxWrite> taken = writes.iterator(); taken.hasNext(); ) {
            OutboxWrite write = taken.next();
            taken.remove();
            idsByCollection
                    .computeIfAbsent(write.collection(), collection -> new ArrayList<>())
                    .add(write.id());
        }
        return new Drained(idsByCollection, complete);
    }

    /** The written documents' ids per collection; not {@code complete} when some writes did not fit. */
    record Drained(Map<String, List<String>> idsByCollection, boolean complete) {}
}
