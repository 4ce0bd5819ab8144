package se.medborgarloften.reporting.progress.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.reporting.PromiseProgress;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.outbox.AggregateStore;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/**
 * The stored progress of every commitment and period. A changed figure is written together with its snapshot for the
 * compacted topic {@code reporting.promise-progress.v1}, through the same outbox as every domain event.
 */
@Component
public class ProgressBook {

    private static final int ATTEMPTS = 5;

    static final String COLLECTION = "progress";

    private final AggregateStore<PromiseProgress> progress;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    public ProgressBook(AggregateStores stores, ApplicationEventPublisher changes, Clock clock) {
        this.progress = stores.store(COLLECTION, PromiseProgress.class);
        this.changes = changes;
        this.clock = clock;
    }

    /** Every stored figure of an agreement, by key: one read for a whole report. */
    public Map<String, PromiseProgress> ofAgreement(String agreementId) {
        return progress.findAll(where(AggregateStore.field("agreementId")).is(agreementId), Pageable.unpaged()).stream()
                .collect(Collectors.toMap(PromiseProgress::key, Function.identity()));
    }

    /**
     * Computes the figures of {@code key} and stores them unless they are unchanged. The stored version is read
     * before computing and the write is guarded by it: when two consumers refresh the same key at once (an agreement
     * and an activity arriving together) the later write fails and is computed again from the newer views, so a
     * figure from older views never overwrites a newer one.
     */
    public void record(String key, Supplier<PromiseProgress> compute) {
        for (int attempt = 1; ; attempt++) {
            try {
                write(key, compute);
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private void write(String key, Supplier<PromiseProgress> compute) {
        Optional<Versioned<PromiseProgress>> stored = progress.find(key);
        PromiseProgress latest = compute.get();
        var snapshot = DomainEvents.snapshot(Topics.PROMISE_PROGRESS, key, latest, clock.instant());
        if (stored.isEmpty()) {
            progress.create(key, latest, snapshot);
        } else if (!sameFigures(stored.get().state(), latest)) {
            progress.update(key, stored.get(), latest, snapshot);
        } else {
            return;
        }
        changes.publishEvent(new ProgressChanged(latest));
    }

    private static boolean sameFigures(PromiseProgress a, PromiseProgress b) {
        return a.done() == b.done()
                && a.target() == b.target()
                && a.vehiclesChecked() == b.vehiclesChecked()
                && a.violations() == b.violations()
                && a.status().equals(b.status());
    }
}
