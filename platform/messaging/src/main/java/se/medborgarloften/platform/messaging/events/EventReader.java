package se.medborgarloften.platform.messaging.events;

import java.util.Optional;
import se.medborgarloften.contracts.AggregateEvent;
import se.medborgarloften.contracts.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/** Reads a CloudEvent record value; anything unreadable is a {@link MalformedRecordException}, bound for the DLQ. */
public final class EventReader {

    private EventReader() {}

    public static <T extends AggregateEvent> CloudEvent<T> read(byte[] value, Class<T> dataType) {
        JavaType type = EventJson.MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        CloudEvent<T> event;
        try {
            event = EventJson.MAPPER.readValue(value, type);
        } catch (JacksonException e) {
            throw validJsonButNoObject(value)
                    .orElseGet(() ->
                            new MalformedRecordException("not a readable CloudEvent: " + e.getOriginalMessage(), e));
        }
        if (event == null) {
            throw MalformedRecordException.notAnObject(
                    EventJson.MAPPER.getNodeFactory().nullNode());
        }
        if (event.id() == null || event.type() == null || event.data() == null) {
            throw new MalformedRecordException("CloudEvent without id, type or data");
        }
        if (event.data().aggregateId() == null || event.data().aggregateVersion() < 1) {
            throw new MalformedRecordException("event data without aggregateId or aggregateVersion");
        }
        return event;
    }

    /** Only once reading failed: whether the value is JSON of another kind than an object, for a clearer reason. */
    private static Optional<MalformedRecordException> validJsonButNoObject(byte[] value) {
        try {
            JsonNode tree = EventJson.MAPPER.readTree(value);
            return tree == null || tree.isObject()
                    ? Optional.empty()
                    : Optional.of(MalformedRecordException.notAnObject(tree));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
