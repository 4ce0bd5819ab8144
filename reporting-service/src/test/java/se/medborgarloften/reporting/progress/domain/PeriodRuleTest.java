package se.medborgarloften.reporting.progress.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import se.medborgarloften.contracts.PeriodKey;

class PeriodRuleTest {

    static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);

    @Test
    void a_traffic_control_at_23_30_on_31_march_counts_for_march() {
        Instant lateMarch = OffsetDateTime.parse("2021-03-31T23:30+02:00").toInstant();
        assertThat(StockholmPeriods.periodOf(lateMarch, PeriodKey.Unit.MONTH)).hasToString("2021-03");
    }

    @Test
    void half_past_midnight_on_1_april_in_sweden_counts_for_april_although_it_is_still_march_in_utc() {
        Instant earlyApril = OffsetDateTime.parse("2021-03-31T22:30Z").toInstant();
        assertThat(StockholmPeriods.periodOf(earlyApril, PeriodKey.Unit.MONTH)).hasToString("2021-04");
        assertThat(StockholmPeriods.periodOf(earlyApril, PeriodKey.Unit.QUARTER))
                .hasToString("2021-Q2");
    }

    @Test
    void new_years_eve_in_sweden_is_next_year_once_midnight_passes_there() {
        Instant newYear = OffsetDateTime.parse("2021-12-31T23:15Z").toInstant();
        assertThat(StockholmPeriods.periodOf(newYear, PeriodKey.Unit.YEAR)).hasToString("2022");
    }

    @Test
    void a_year_long_agreement_has_twelve_months_four_quarters_and_one_year() {
        assertThat(StockholmPeriods.periodsCovering(JAN_1, DEC_31, PeriodKey.Unit.MONTH))
                .hasSize(12);
        assertThat(StockholmPeriods.periodsCovering(JAN_1, DEC_31, PeriodKey.Unit.QUARTER))
                .extracting(PeriodKey::toString)
                .containsExactly("2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4");
        assertThat(StockholmPeriods.periodsCovering(LocalDate.of(2021, 3, 15), DEC_31, PeriodKey.Unit.MONTH))
                .first()
                .hasToString("2021-03");
    }

    @Test
    void march_goes_from_not_started_through_pace_to_met_or_missed() {
        ProgressWindow march = ProgressWindow.of(PeriodKey.parse("2021-03").orElseThrow(), JAN_1, DEC_31);
        Instant before = OffsetDateTime.parse("2021-02-28T12:00+01:00").toInstant();
        Instant midMonth = OffsetDateTime.parse("2021-03-16T12:00+01:00").toInstant();
        Instant after = OffsetDateTime.parse("2021-04-01T00:00+02:00").toInstant();

        assertThat(march.status(0, 20, before)).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(march.status(11, 20, midMonth)).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(march.status(9, 20, midMonth)).isEqualTo(ProgressStatus.BEHIND);
        assertThat(march.status(20, 20, midMonth)).isEqualTo(ProgressStatus.MET);
        assertThat(march.status(19, 20, after)).isEqualTo(ProgressStatus.MISSED);
        assertThat(march.daysLeft(midMonth)).isEqualTo(16);
        assertThat(march.daysLeft(after)).isZero();
    }

    @Test
    void a_period_before_the_agreement_takes_effect_has_not_started() {
        ProgressWindow march =
                ProgressWindow.of(PeriodKey.parse("2021-03").orElseThrow(), LocalDate.of(2021, 3, 20), DEC_31);
        Instant beforeEffect = OffsetDateTime.parse("2021-03-10T12:00+01:00").toInstant();
        assertThat(march.status(0, 20, beforeEffect)).isEqualTo(ProgressStatus.NOT_STARTED);
        assertThat(march.contains(beforeEffect)).isFalse();
    }
}
