package se.medborgarloften.activity.activity.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.platform.web.PlausibleDates;

/**
 * Timestamps as the API takes them: ISO-8601 with an offset. Parsed here rather than by Jackson so that a missing
 * offset is answered naming the field, and an epoch number is not taken for one. Every one lies within
 * {@link PlausibleDates}.
 */
final class Timestamps {

    private Timestamps() {}

    /** The instant {@code value} names, or null when absent; a '+' that arrived unencoded in a query reads as a space. */
    static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return PlausibleDates.require(
                    field, OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field, "must be an ISO-8601 timestamp with an offset, like 2021-03-04T07:30:00+01:00");
        }
    }
}
