package se.medborgarloften.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlausibleDatesTest {

    @Test
    void the_years_2000_to_2100_are_plausible_and_year_1_or_9999_are_not() {
        assertThat(PlausibleDates.plausible(LocalDate.of(2000, 1, 1))).isTrue();
        assertThat(PlausibleDates.plausible(LocalDate.of(2100, 12, 31))).isTrue();
        assertThat(PlausibleDates.plausible(LocalDate.of(1, 1, 1))).isFalse();
        assertThat(PlausibleDates.plausible(LocalDate.of(9999, 12, 31))).isFalse();
        assertThat(PlausibleDates.plausible(Instant.parse("2021-03-04T07:30:00Z")))
                .isTrue();
        assertThat(PlausibleDates.plausible(Instant.parse("1999-12-31T23:59:59Z")))
                .isFalse();
        assertThat(PlausibleDates.plausible(Instant.parse("2101-01-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    void an_implausible_date_is_refused_naming_its_field() {
        assertThatThrownBy(() -> PlausibleDates.require("occurredAt", Instant.parse("0001-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("occurredAt"));
        assertThat(PlausibleDates.require("to", (LocalDate) null)).isNull();
    }
}
