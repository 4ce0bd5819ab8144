package se.medborgarloften.reporting.situation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SituationWindowTest {

    @Test
    void the_year_2021_runs_from_midnight_on_new_years_day_stockholm_time() {
        SituationWindow year = SituationWindow.calendarYear(2021);

        assertThat(year.from()).isEqualTo(instant("2021-01-01T00:00+01:00"));
        assertThat(year.to()).isEqualTo(instant("2022-01-01T00:00+01:00"));
        assertThat(year.contains(instant("2021-12-31T23:30+01:00"))).isTrue();
        assertThat(year.contains(instant("2020-12-31T23:30Z"))).isTrue();
        assertThat(year.contains(instant("2020-12-31T22:59Z"))).isFalse();
        assertThat(year.lastYear()).isEqualTo(2021);
    }

    @Test
    void a_year_is_compared_with_the_year_before_although_that_one_had_a_leap_day() {
        SituationWindow previous = SituationWindow.calendarYear(2021).previous();

        assertThat(previous).isEqualTo(SituationWindow.calendarYear(2020));
    }

    @Test
    void a_quarter_is_compared_with_the_quarter_before() {
        SituationWindow q2 = new SituationWindow(day(2021, 4, 1), day(2021, 7, 1));

        assertThat(q2.previous()).isEqualTo(new SituationWindow(day(2021, 1, 1), day(2021, 4, 1)));
    }

    @Test
    void a_week_over_the_change_to_summer_time_is_compared_with_the_seven_days_before() {
        SituationWindow week = new SituationWindow(day(2021, 3, 25), day(2021, 4, 1));

        assertThat(week.previous()).isEqualTo(new SituationWindow(day(2021, 3, 18), day(2021, 3, 25)));
    }

    @Test
    void any_other_window_is_compared_with_the_same_duration_before_it() {
        SituationWindow evening =
                new SituationWindow(instant("2021-03-04T18:00+01:00"), instant("2021-03-04T22:00+01:00"));

        assertThat(evening.previous())
                .isEqualTo(new SituationWindow(instant("2021-03-04T14:00+01:00"), instant("2021-03-04T18:00+01:00")));
    }

    @Test
    void a_window_ends_after_it_starts_and_may_be_asked_for_five_years_at_most() {
        assertThatThrownBy(() -> new SituationWindow(day(2021, 1, 1), day(2021, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SituationWindow.tooLong(day(2016, 1, 1), day(2021, 1, 1))).isFalse();
        assertThat(SituationWindow.tooLong(day(2016, 1, 1), day(2021, 1, 2))).isTrue();
    }

    @Test
    void pictures_show_their_times_in_stockholm_time() {
        assertThat(SituationWindow.local(instant("2021-06-01T12:00Z")))
                .isEqualTo(OffsetDateTime.parse("2021-06-01T14:00+02:00"));
    }

    private static Instant day(int year, int month, int day) {
        return SituationWindow.startOfDay(LocalDate.of(year, month, day));
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
