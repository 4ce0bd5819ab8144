package se.medborgarloften.contracts.promise;

import se.medborgarloften.contracts.AggregateEvent;

/**
 * Data of every promise event. It carries the whole agreement as it stands after the change, so a consumer needs
 * nothing else to keep its view: the latest version wins.
 *
 * @param promiseId the promise the change concerns, where it concerns one
 */
public record AgreementEvent(String aggregateId, long aggregateVersion, String promiseId, AgreementSnapshot agreement)
        implements AggregateEvent {}
