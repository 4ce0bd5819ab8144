package se.medborgarloften.platform.messaging.outbox;

/** The broker did not acknowledge an outbox's events in time; they stay in the outbox for the next attempt. */
public class OutboxSendException extends RuntimeException {

    public OutboxSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
