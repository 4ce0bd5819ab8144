package se.medborgarloften.reporting.situation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceivedSafetyRuleTest {

    private static final SituationWindow PREVIOUS = SituationWindow.calendarYear(2020);

    @Test
    void the_mean_of_scores_is_rounded_half_up_to_two_decimals_and_unscored_items_are_no_answers() {
        var safety = PerceivedSafetyRule.of(scores(2, 3, 3, null), List.of(), PREVIOUS);

        assertThat(safety.mean()).isEqualByComparingTo("2.67");
        assertThat(safety.answers()).isEqualTo(3);
        assertThat(safety.fewerThan()).isNull();
    }

    @Test
    void a_mean_of_fewer_than_three_answers_is_withheld_and_so_is_its_trend() {
        var safety = PerceivedSafetyRule.of(scores(1, 2), scores(4, 4, 4), PREVIOUS);

        assertThat(safety.mean()).isNull();
        assertThat(safety.answers()).isEqualTo(2);
        assertThat(safety.fewerThan()).isEqualTo(3);
        assertThat(safety.trend().previousMean()).isEqualByComparingTo("4.00");
        assertThat(safety.trend().change()).isNull();
        assertThat(safety.trend().direction()).isEqualTo(PerceivedSafetyRule.UNKNOWN);
    }

    @Test
    void a_higher_mean_than_the_window_before_is_improving_safety() {
        var safety = PerceivedSafetyRule.of(scores(4, 4, 3), scores(2, 2, 3), PREVIOUS);

        assertThat(safety.trend().change()).isEqualTo(new BigDecimal("1.34"));
        assertThat(safety.trend().direction()).isEqualTo(PerceivedSafetyRule.IMPROVING);
        assertThat(safety.trend().previousFrom().toInstant()).isEqualTo(PREVIOUS.from());
    }

    @Test
    void a_lower_mean_is_worsening_and_the_same_mean_unchanged() {
        assertThat(PerceivedSafetyRule.of(scores(2, 2, 2), scores(3, 3, 3), PREVIOUS)
                        .trend()
                        .direction())
                .isEqualTo(PerceivedSafetyRule.WORSENING);
        assertThat(PerceivedSafetyRule.of(scores(3, 3, 3), scores(2, 3, 4), PREVIOUS)
                        .trend()
                        .direction())
                .isEqualTo(PerceivedSafetyRule.UNCHANGED);
    }

    private static List<RaisedConcern> scores(Integer... scores) {
        return Arrays.stream(scores)
                .map(score -> new RaisedConcern("TRAFFIC", "Centrum", 1, score, null, Instant.EPOCH))
                .toList();
    }
}
