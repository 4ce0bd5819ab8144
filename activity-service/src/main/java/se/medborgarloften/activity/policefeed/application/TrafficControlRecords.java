package se.medborgarloften.activity.policefeed.application;

import java.time.OffsetDateTime;
import se.medborgarloften.contracts.police.TrafficControlRecord;
import se.medborgarloften.platform.messaging.events.EventJson;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads the plain JSON of {@code police.traffic-controls.v1}. Unknown fields are ignored (the police may add some);
 * values of the wrong type are not coerced: "7" is not a count and a timestamp without an offset is not an instant.
 */
final class TrafficControlRecords {

    private static final JsonMapper STRICT_VALUES = EventJson.MAPPER
            .rebuild()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private TrafficControlRecords() {}

    static TrafficControlRecord read(byte[] value) {
        JsonNode tree;
        try {
            tree = STRICT_VALUES.readTree(value);
        } catch (JacksonException e) {
            throw new MalformedRecordException("not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw MalformedRecordException.notAnObject(tree == null ? MissingNode.getInstance() : tree);
        }
        try {
            return STRICT_VALUES.treeToValue(tree, TrafficControlRecord.class);
        } catch (DatabindException e) {
            throw new MalformedRecordException(path(e) + ": " + problem(e));
        }
    }

    private static String problem(DatabindException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == OffsetDateTime.class) {
            return "must be an ISO-8601 timestamp with an offset, like 2021-03-04T07:30:00+01:00";
        }
        return e instanceof InvalidFormatException || target != null
                ? "has the wrong type or format"
                : e.getOriginalMessage();
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "record" : path.toString();
    }
}
