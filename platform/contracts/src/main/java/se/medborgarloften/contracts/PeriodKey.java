package se.medborgarloften.contracts;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period as the API, the topics and assessments name it: {@code 2021-03} (month), {@code 2021-Q1} (quarter),
 * {@code 2021} (year).
 */
public record PeriodKey(Unit unit, int year, int index) {

    public enum Unit {
        MONTH,
        QUARTER,
        YEAR
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(?:(\\d{2})|Q([1-4])))?");

    public PeriodKey {
        int last = switch (unit) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (index < 1 || index > last) {
            throw new IllegalArgumentException("no " + unit + " " + index);
        }
    }

    public static Optional<PeriodKey> parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        if (matcher.group(2) != null) {
            int month = Integer.parseInt(matcher.group(2));
            return month >= 1 && month <= 12 ? Optional.of(month(YearMonth.of(year, month))) : Optional.empty();
        }
        if (matcher.group(3) != null) {
            return Optional.of(new PeriodKey(Unit.QUARTER, year, Integer.parseInt(matcher.group(3))));
        }
        return Optional.of(new PeriodKey(Unit.YEAR, year, 1));
    }

    public static PeriodKey month(YearMonth month) {
        return new PeriodKey(Unit.MONTH, month.getYear(), month.getMonthValue());
    }

    @Override
    public String toString() {
        return switch (unit) {
            case MONTH -> "%04d-%02d".formatted(year, index);
            case QUARTER -> "%04d-Q%d".formatted(year, index);
            case YEAR -> "%04d".formatted(year);
        };
    }
}
