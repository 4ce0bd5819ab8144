package se.medborgarloften.contracts;

/** Event data that a consumer can order and deduplicate: the aggregate it belongs to and its version (1, 2, 3…). */
public interface AggregateEvent {

    String aggregateId();

    long aggregateVersion();
}
