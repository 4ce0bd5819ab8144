package se.medborgarloften.reporting.progress.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import se.medborgarloften.contracts.PeriodKey;

/**
 * The part of a period in which a commitment applies: the period cut to the agreement's validity, as instants in
 * Europe/Stockholm time. Activities count when {@code start <= occurredAt < end}.
 */
public record ProgressWindow(PeriodKey period, Instant start, Instant end) {

    public static ProgressWindow of(PeriodKey period, LocalDate validFrom, LocalDate validTo) {
        LocalDate first = max(StockholmPeriods.firstDay(period), validFrom);
        LocalDate endDay = min(StockholmPeriods.endDay(period), validTo.plusDays(1));
        return new ProgressWindow(period, StockholmPeriods.startOfDay(first), StockholmPeriods.startOfDay(endDay));
    }

    /**
     * MET once done reaches the target; before the window NOT_STARTED; after it MISSED; in between ON_TRACK while
     * done keeps pace with the share of the window elapsed, BEHIND otherwise.
     */
    public ProgressStatus status(long done, long target, Instant now) {
        if (done >= target) {
            return ProgressStatus.MET;
        }
        if (now.isBefore(start)) {
            return ProgressStatus.NOT_STARTED;
        }
        if (!now.isBefore(end)) {
            return ProgressStatus.MISSED;
        }
        long elapsed = Duration.between(start, now).toMillis();
        long length = Duration.between(start, end).toMillis();
        return done * length >= target * elapsed ? ProgressStatus.ON_TRACK : ProgressStatus.BEHIND;
    }

    /** Whole days left in the window, counting a started day as one; 0 once it is over. */
    public long daysLeft(Instant now) {
        if (!now.isBefore(end)) {
            return 0;
        }
        Instant from = now.isBefore(start) ? start : now;
        long millis = Duration.between(from, end).toMillis();
        return (millis + Duration.ofDays(1).toMillis() - 1) / Duration.ofDays(1).toMillis();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
