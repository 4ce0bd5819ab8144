package se.medborgarloften.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates any request may name: from 2000 through 2100. A year 1 or 9999 is a typo or a probe, never a safety walk;
 * each domain narrows this further where it knows better (an activity at most a day ahead).
 */
public final class PlausibleDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** What a client is told when a date falls outside. */
    public static final String MESSAGE = "must be between " + EARLIEST + " and " + LATEST;

    private static final Instant EARLIEST_INSTANT =
            EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant FIRST_AFTER =
            LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private PlausibleDates() {}

    public static boolean plausible(Instant value) {
        return value == null || (!value.isBefore(EARLIEST_INSTANT) && value.isBefore(FIRST_AFTER));
    }

    public static boolean plausible(LocalDate value) {
        return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
    }

    /** {@code value} when plausible (or absent), else a 400 naming {@code field}. */
    public static Instant require(String field, Instant value) {
        if (!plausible(value)) {
            throw new InvalidFieldException(field, MESSAGE);
        }
        return value;
    }

    /** {@code value} when plausible (or absent), else a 400 naming {@code field}. */
    public static LocalDate require(String field, LocalDate value) {
        if (!plausible(value)) {
            throw new InvalidFieldException(field, MESSAGE);
        }
        return value;
    }
}
