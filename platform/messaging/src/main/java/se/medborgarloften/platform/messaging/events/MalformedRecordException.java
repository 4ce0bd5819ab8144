package se.medborgarloften.platform.messaging.events;

/**
 * A record that no retry can fix: it goes straight to the topic's DLQ, with this message as the reason, and the
 * partition moves on.
 */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String reason) {
        super(reason);
    }

    public MalformedRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
