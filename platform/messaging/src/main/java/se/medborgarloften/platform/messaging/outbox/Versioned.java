package se.medborgarloften.platform.messaging.outbox;

/** An aggregate's state as loaded, with the version a write must still find to succeed. */
public record Versioned<S>(S state, long version) {

    public long nextVersion() {
        return version + 1;
    }
}
