package se.medborgarloften.dialogue.survey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import se.medborgarloften.dialogue.survey.domain.IndicatorValue;
import se.medborgarloften.dialogue.survey.domain.SurveyIndicator;
import se.medborgarloften.platform.web.InvalidFieldException;

class SurveyCsvTest {

    @Test
    void each_row_is_accepted_or_rejected_on_its_own_with_its_line_and_every_reason() {
        var result = SurveyCsv.read("""
                area,indicator,value
                Centrum,DRUG_DEALING_IN_PUBLIC,2.4
                Centrum,littering,1.8

                Centrum,RECKLESS_DRIVING,7
                Centrum,,3
                Centrum,PARKING,3
                Centrum,FEELING_UNSAFE_OUT_LATE,mycket
                Norra Hässleholm,LITTERING
                ,GRAFFITI,
                Centrum,LITTERING,1.9
                Centrum,GRAFFITI,1,extra
                Tyringe,Feeling unsafe out late,3
                """);

        assertThat(result.accepted())
                .containsExactly(
                        new IndicatorValue("Centrum", SurveyIndicator.DRUG_DEALING_IN_PUBLIC, new BigDecimal("2.4")),
                        new IndicatorValue("Centrum", SurveyIndicator.LITTERING, new BigDecimal("1.8")),
                        new IndicatorValue("Tyringe", SurveyIndicator.FEELING_UNSAFE_OUT_LATE, BigDecimal.valueOf(3)));
        assertThat(result.rejected())
                .containsExactly(
                        new SurveyCsv.Rejected(5, "value 7 is outside the problem index 0 to 6"),
                        new SurveyCsv.Rejected(6, "indicator is blank"),
                        new SurveyCsv.Rejected(7, "unknown indicator 'PARKING'"),
                        new SurveyCsv.Rejected(8, "value 'mycket' is not a number"),
                        new SurveyCsv.Rejected(9, "missing column value: expected area,indicator,value"),
                        new SurveyCsv.Rejected(10, "area is blank; value is blank"),
                        new SurveyCsv.Rejected(11, "repeats area and indicator of line 3"),
                        new SurveyCsv.Rejected(12, "has 4 columns, expected 3: area,indicator,value"));
    }

    @Test
    void a_spreadsheet_export_with_semicolons_quotes_and_decimal_commas_reads_the_same() {
        var result = SurveyCsv.read(
                "\uFEFFindicator;Area;value\r\nLITTERING;\"Centrum; söder\";\"1,8\"\r\nGRAFFITI;Centrum;0\r\n");

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted())
                .containsExactly(
                        new IndicatorValue("Centrum; söder", SurveyIndicator.LITTERING, new BigDecimal("1.8")),
                        new IndicatorValue("Centrum", SurveyIndicator.GRAFFITI, BigDecimal.ZERO));
    }

    @Test
    void without_the_header_there_is_nothing_to_read() {
        assertThatThrownBy(() -> SurveyCsv.read("Centrum,LITTERING,1.8\n"))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("header"));
        assertThatThrownBy(() -> SurveyCsv.read("area,indicator\n"))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("value"));
        assertThatThrownBy(() -> SurveyCsv.read("  \n"))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }
}
