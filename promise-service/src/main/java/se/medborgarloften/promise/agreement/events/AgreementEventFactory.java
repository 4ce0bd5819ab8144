package se.medborgarloften.promise.agreement.events;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.AssessmentSnapshot;
import se.medborgarloften.contracts.promise.CommitmentFilter;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseEventTypes;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.contracts.promise.SignatorySnapshot;
import se.medborgarloften.platform.messaging.events.DomainEvents;
import se.medborgarloften.platform.messaging.outbox.OutboxMessage;
import se.medborgarloften.promise.agreement.domain.Agreement;
import se.medborgarloften.promise.agreement.domain.Commitment;
import se.medborgarloften.promise.agreement.domain.Promise;

/** Writes an agreement change as the promise event on {@code promise.events.v1}, with the whole agreement in it. */
@Component
public class AgreementEventFactory {

    private final DomainEvents events;

    public AgreementEventFactory(Clock clock) {
        this.events = new DomainEvents(Topics.PROMISE_EVENTS, PromiseEventTypes.SOURCE, clock);
    }

    public OutboxMessage event(String type, Agreement agreement, long version, String promiseId) {
        return events.event(type, new AgreementEvent(agreement.id(), version, promiseId, snapshot(agreement)));
    }

    static AgreementSnapshot snapshot(Agreement agreement) {
        return new AgreementSnapshot(
                agreement.id(),
                agreement.municipalityCode(),
                agreement.municipalityName(),
                agreement.policeArea(),
                agreement.year(),
                agreement.validFrom(),
                agreement.validTo(),
                agreement.basis().stream().map(Enum::name).toList(),
                agreement.status().name(),
                agreement.signatories().stream()
                        .map(s -> new SignatorySnapshot(
                                s.name(), s.title(), s.party().name()))
                        .toList(),
                agreement.promises().stream()
                        .map(AgreementEventFactory::snapshot)
                        .toList());
    }

    private static PromiseSnapshot snapshot(Promise promise) {
        return new PromiseSnapshot(
                promise.id(),
                promise.title(),
                promise.description(),
                promise.party().name(),
                promise.theme(),
                promise.area(),
                promise.purposes().stream().map(Enum::name).toList(),
                promise.commitments().stream()
                        .map(AgreementEventFactory::snapshot)
                        .toList(),
                promise.assessments().stream()
                        .map(a -> new AssessmentSnapshot(
                                a.period(),
                                a.grade().name(),
                                a.comment(),
                                a.assessedBy(),
                                a.assessedAt().atOffset(ZoneOffset.UTC)))
                        .toList());
    }

    private static CommitmentSnapshot snapshot(Commitment commitment) {
        var filter = commitment.filter();
        return new CommitmentSnapshot(
                commitment.id(),
                commitment.activityType().name(),
                commitment.minimumCount(),
                commitment.per().name(),
                new CommitmentFilter(filter.area(), filter.targeted(), filter.subKind()));
    }
}
