package se.medborgarloften.dialogue.dialogue.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import se.medborgarloften.platform.web.PlausibleDates;
import se.medborgarloften.platform.web.RefusedInputException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads an ISO-8601 timestamp that must carry its offset. Jackson's own reader fails with the parse error as the
 * deepest cause, which the shared error format cannot trace to a field; this one fails with a format error on the
 * field itself, so the problem names it. A moment outside {@link PlausibleDates} is refused here as well, so that a
 * year 1 or 9999 is one problem on the field, not one per rule it breaks.
 */
class OffsetRequiredDeserializer extends ValueDeserializer<OffsetDateTime> {

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
        }
        String text = parser.getString();
        OffsetDateTime value;
        try {
            value = OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidFormatException.from(
                    parser,
                    "must be ISO-8601 with an offset, like 2021-03-04T18:00:00+01:00",
                    text,
                    OffsetDateTime.class);
        }
        if (!PlausibleDates.plausible(value.toInstant())) {
            throw new RefusedInputException(parser, PlausibleDates.MESSAGE);
        }
        return value;
    }
}
