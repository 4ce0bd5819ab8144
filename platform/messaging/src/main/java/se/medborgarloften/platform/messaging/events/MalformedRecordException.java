package se.medborgarloften.platform.messaging.events;

import tools.jackson.databind.JsonNode;

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

    /** A record that is valid JSON but not the object every record must be: "expected a JSON object, got an array". */
    public static MalformedRecordException notAnObject(JsonNode value) {
        String got = switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "an empty record";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
        return new MalformedRecordException("expected a JSON object, got " + got);
    }
}
