package se.medborgarloften.dialogue.survey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyTest {

    static final Instant NOW = Instant.parse("2021-11-01T09:00:00Z");

    @Test
    void an_import_replaces_the_areas_it_names_and_keeps_the_others() {
        Survey first = Survey.empty("1293", 2021)
                .importValues(
                        List.of(
                                value("Centrum", SurveyIndicator.LITTERING, "1.8"),
                                value("Centrum", SurveyIndicator.GRAFFITI, "2.0"),
                                value("Tyringe", SurveyIndicator.RECKLESS_DRIVING, "3.1")),
                        NOW);

        Survey corrected = first.importValues(List.of(value("Centrum", SurveyIndicator.LITTERING, "1.6")), NOW);

        assertThat(corrected.values())
                .containsExactly(
                        value("Centrum", SurveyIndicator.LITTERING, "1.6"),
                        value("Tyringe", SurveyIndicator.RECKLESS_DRIVING, "3.1"));
        assertThat(corrected.id()).isEqualTo("survey-1293-2021");
    }

    @Test
    void the_problem_index_runs_from_0_to_6() {
        assertThat(value("Centrum", SurveyIndicator.LITTERING, "6.0").value()).isEqualByComparingTo("6");
        assertThat(value("Centrum", SurveyIndicator.LITTERING, "0").value()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> value("Centrum", SurveyIndicator.LITTERING, "6.1"))
                .hasMessage("value 6.1 is outside the problem index 0 to 6");
        assertThatThrownBy(() -> value("Centrum", SurveyIndicator.LITTERING, "-0.5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static IndicatorValue value(String area, SurveyIndicator indicator, String value) {
        return new IndicatorValue(area, indicator, new BigDecimal(value));
    }
}
