package se.medborgarloften.reporting.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import se.medborgarloften.contracts.PeriodKey;

/**
 * The period rule: months, quarters and years begin and end at midnight Europe/Stockholm, whatever offset a
 * timestamp was written with: a traffic control at 00:30 on 1 April (+02:00) counts for April although it is still
 * 31 March in UTC.
 */
public final class StockholmPeriods {

    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private StockholmPeriods() {}

    public static PeriodKey periodOf(Instant instant, PeriodKey.Unit unit) {
        LocalDate day = instant.atZone(ZONE).toLocalDate();
        return periodOf(day, unit);
    }

    public static PeriodKey periodOf(LocalDate day, PeriodKey.Unit unit) {
        return switch (unit) {
            case MONTH -> PeriodKey.month(YearMonth.from(day));
            case QUARTER -> new PeriodKey(PeriodKey.Unit.QUARTER, day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEAR -> new PeriodKey(PeriodKey.Unit.YEAR, day.getYear(), 1);
        };
    }

    public static LocalDate firstDay(PeriodKey period) {
        return switch (period.unit()) {
            case MONTH -> LocalDate.of(period.year(), period.index(), 1);
            case QUARTER -> LocalDate.of(period.year(), (period.index() - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(period.year(), 1, 1);
        };
    }

    /** The day after the period's last day. */
    public static LocalDate endDay(PeriodKey period) {
        LocalDate first = firstDay(period);
        return switch (period.unit()) {
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
    }

    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** Every period of {@code unit} that has at least one day in {@code [from, to]}. */
    public static List<PeriodKey> periodsCovering(LocalDate from, LocalDate to, PeriodKey.Unit unit) {
        List<PeriodKey> periods = new ArrayList<>();
        for (PeriodKey period = periodOf(from, unit);
                !firstDay(period).isAfter(to);
                period = periodOf(endDay(period), unit)) {
            periods.add(period);
        }
        return periods;
    }
}
