package se.medborgarloften.reporting.situation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The time a situation picture covers: {@code from <= t < to}. Calendar rules are in Europe/Stockholm time.
 *
 * <p>The trend compares with the previous window of the same length, measured the way the window was drawn: a window
 * of whole months (a year, a quarter) is compared with the same number of months before it, so 2021 is compared with
 * 2020 although 2020 has a leap day; a window of whole days with the same number of days before it, whatever daylight
 * saving did meanwhile; any other window with the same exact duration before it.
 */
public record SituationWindow(Instant from, Instant to) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    /** The longest window one may ask for; longer ones would read years of views on every request. */
    public static final int MAX_YEARS = 5;

    public SituationWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a window must start before it ends");
        }
    }

    /** Whether {@code [from, to)} is longer than {@link #MAX_YEARS} calendar years. */
    public static boolean tooLong(Instant from, Instant to) {
        return to.isAfter(from.atZone(ZONE).plusYears(MAX_YEARS).toInstant());
    }

    /** The calendar year {@code year} in Stockholm. */
    public static SituationWindow calendarYear(int year) {
        return new SituationWindow(startOfDay(LocalDate.of(year, 1, 1)), startOfDay(LocalDate.of(year + 1, 1, 1)));
    }

    /** The Stockholm calendar year that {@code now} falls in. */
    public static SituationWindow yearOf(Instant now) {
        return calendarYear(now.atZone(ZONE).getYear());
    }

    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** An instant as Stockholm local time with its offset, as the pictures show it. */
    public static OffsetDateTime local(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** The previous window of the same length, ending where this one starts. */
    public SituationWindow previous() {
        ZonedDateTime start = from.atZone(ZONE);
        ZonedDateTime end = to.atZone(ZONE);
        if (isStartOfMonth(start) && isStartOfMonth(end)) {
            long months = ChronoUnit.MONTHS.between(start, end);
            return new SituationWindow(start.minusMonths(months).toInstant(), from);
        }
        if (isStartOfDay(start) && isStartOfDay(end)) {
            long days = ChronoUnit.DAYS.between(start.toLocalDate(), end.toLocalDate());
            return new SituationWindow(startOfDay(start.toLocalDate().minusDays(days)), from);
        }
        return new SituationWindow(from.minus(Duration.between(from, to)), from);
    }

    /** The calendar year (Stockholm) of the window's last moment: the latest survey year it can show. */
    public int lastYear() {
        return to.minusNanos(1).atZone(ZONE).getYear();
    }

    private static boolean isStartOfDay(ZonedDateTime time) {
        return time.equals(time.toLocalDate().atStartOfDay(ZONE));
    }

    private static boolean isStartOfMonth(ZonedDateTime time) {
        return isStartOfDay(time) && time.getDayOfMonth() == 1;
    }
}
