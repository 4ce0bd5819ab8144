package se.medborgarloften.platform.messaging.outbox;

import java.util.List;

/**
 * How every aggregate is stored: its state, the version every change increments, and the outbox of events that the
 * relay has not yet sent. Keeping the outbox inside the aggregate's own document is what makes the state change and
 * its events atomic without multi-document transactions.
 */
public record AggregateDocument<S>(String id, long version, S state, List<OutboxMessage> outbox) {

    static final String VERSION = "version";
    static final String STATE = "state";
    static final String OUTBOX = "outbox";
}
