package se.medborgarloften.reporting.situation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.platform.web.PlausibleDates;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/**
 * The window a request names with {@code from} and {@code to}: both or neither. Each is an ISO date, taken in
 * Stockholm time, or an ISO timestamp with its offset. A date {@code to} includes that whole day
 * ({@code from=2021-01-01&to=2021-12-31} is the year 2021); a timestamp {@code to} is the first moment after the
 * window.
 */
final class WindowParameters {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String FORMAT =
            "must be an ISO date like 2021-01-01 or a timestamp with an offset like 2021-01-01T00:00:00+01:00";

    private WindowParameters() {}

    static Optional<SituationWindow> window(Optional<String> from, Optional<String> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return Optional.empty();
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new InvalidFieldException(from.isEmpty() ? "from" : "to", "give both from and to, or neither");
        }
        Instant start = PlausibleDates.require("from", instant("from", from.get(), false));
        Instant end = PlausibleDates.require("to", instant("to", to.get(), true));
        if (!start.isBefore(end)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (SituationWindow.tooLong(start, end)) {
            throw new InvalidFieldException("to", "must be at most " + SituationWindow.MAX_YEARS + " years after from");
        }
        return Optional.of(new SituationWindow(start, end));
    }

    /** A '+' that arrived unencoded in a query reads as a space. */
    private static Instant instant(String field, String value, boolean endOfWindow) {
        String text = value.trim().replace(' ', '+');
        try {
            if (DATE.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return SituationWindow.startOfDay(endOfWindow ? day.plusDays(1) : day);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, FORMAT);
        }
    }
}
