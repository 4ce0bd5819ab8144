package se.medborgarloften.promise.agreement.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.promise.PromiseEventTypes;
import se.medborgarloften.platform.messaging.outbox.AggregateStore;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.promise.agreement.domain.Agreement;
import se.medborgarloften.promise.agreement.domain.AssessmentGrade;
import se.medborgarloften.promise.agreement.domain.PromiseDraft;
import se.medborgarloften.promise.agreement.domain.Signatory;
import se.medborgarloften.promise.agreement.events.AgreementEventFactory;

/** Every change to an agreement: load, apply the domain rule, store the new state with its one event. */
@Service
public class AgreementService {

    private final AggregateStore<Agreement> agreements;
    private final AgreementEventFactory events;
    private final Clock clock;

    public AgreementService(AggregateStores stores, AgreementEventFactory events, Clock clock) {
        this.agreements = stores.store("agreements", Agreement.class);
        this.events = events;
        this.clock = clock;
    }

    /** Creates a draft, with the promises it is written with (one event: the agreement as created). */
    public Versioned<Agreement> create(Agreement draft, List<PromiseDraft> promises) {
        Agreement agreement = draft;
        for (PromiseDraft promise : promises) {
            agreement = agreement.addPromise(promise);
        }
        agreements.create(
                agreement.id(), agreement, events.event(PromiseEventTypes.AGREEMENT_CREATED, agreement, 1, null));
        return new Versioned<>(agreement, 1);
    }

    public Versioned<Agreement> get(String id) {
        return agreements.find(id).orElseThrow(() -> new NoSuchElementException("No agreement " + id));
    }

    /** The agreements of the given municipalities, by year. */
    public Page<Agreement> list(Collection<String> municipalityCodes, Optional<Integer> year, PageRequest page) {
        Criteria criteria =
                Criteria.where(AggregateStore.field("municipalityCode")).in(municipalityCodes);
        year.ifPresent(y -> criteria.and(AggregateStore.field("year")).is(y));
        PageRequest sorted = page.withSort(Sort.by(AggregateStore.field("year"), "_id"));
        return new PageImpl<>(agreements.findAll(criteria, sorted), sorted, agreements.count(criteria));
    }

    public Versioned<Agreement> addPromise(String id, Optional<Long> ifMatch, PromiseDraft promise) {
        return change(id, ifMatch, PromiseEventTypes.PROMISE_ADDED, a -> a.addPromise(promise), LAST_PROMISE);
    }

    public Versioned<Agreement> changePromise(
            String id, String promiseId, Optional<Long> ifMatch, PromiseDraft promise) {
        return change(
                id,
                ifMatch,
                PromiseEventTypes.PROMISE_CHANGED,
                a -> a.changePromise(promiseId, promise),
                a -> promiseId);
    }

    public Versioned<Agreement> removePromise(String id, String promiseId, Optional<Long> ifMatch) {
        return change(id, ifMatch, PromiseEventTypes.PROMISE_REMOVED, a -> a.removePromise(promiseId), a -> promiseId);
    }

    public Versioned<Agreement> sign(String id, Optional<Long> ifMatch, List<Signatory> signatories) {
        return change(id, ifMatch, PromiseEventTypes.AGREEMENT_SIGNED, a -> a.sign(signatories), a -> null);
    }

    public Versioned<Agreement> assess(
            String id, String promiseId, PeriodKey period, AssessmentGrade grade, String comment, String assessedBy) {
        return change(
                id,
                Optional.empty(),
                PromiseEventTypes.ASSESSMENT_RECORDED,
                a -> a.assess(promiseId, period, grade, comment, assessedBy, clock.instant()),
                a -> promiseId);
    }

    public Versioned<Agreement> close(String id, Optional<Long> ifMatch) {
        return change(id, ifMatch, PromiseEventTypes.AGREEMENT_CLOSED, Agreement::close, a -> null);
    }

    private static final PromiseIdOf LAST_PROMISE =
            a -> a.promises().get(a.promises().size() - 1).id();

    private Versioned<Agreement> change(
            String id, Optional<Long> ifMatch, String eventType, UnaryOperator<Agreement> rule, PromiseIdOf concerned) {
        Versioned<Agreement> loaded = get(id);
        if (ifMatch.isPresent() && ifMatch.get() != loaded.version()) {
            throw new OptimisticLockingFailureException(
                    "Agreement " + id + " is at version " + loaded.version() + ", not " + ifMatch.get());
        }
        Agreement changed = rule.apply(loaded.state());
        long version = loaded.nextVersion();
        agreements.update(id, loaded, changed, events.event(eventType, changed, version, concerned.of(changed)));
        return new Versioned<>(changed, version);
    }

    /** Which promise an event is about, read from the agreement after the change. */
    @FunctionalInterface
    private interface PromiseIdOf {
        String of(Agreement changed);
    }
}
