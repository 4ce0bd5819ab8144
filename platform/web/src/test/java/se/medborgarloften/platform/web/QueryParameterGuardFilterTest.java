package se.medborgarloften.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryParameterGuardFilterTest {

    @Test
    void an_encoded_control_character_is_refused_naming_its_parameter() {
        assertThat(QueryParameterGuardFilter.refusedParameter("municipalityCode=1293&area=Centrum%00"))
                .hasValueSatisfying(problem -> assertThat(problem.field()).isEqualTo("area"));
    }

    @Test
    void ordinary_queries_and_operator_lookalikes_pass_as_plain_text() {
        assertThat(QueryParameterGuardFilter.refusedParameter("area=%24gt&from=2021-01-01T00:00:00%2B01:00&x"))
                .isEmpty();
        assertThat(QueryParameterGuardFilter.refusedParameter(null)).isEmpty();
    }

    @Test
    void a_broken_escape_is_refused() {
        assertThat(QueryParameterGuardFilter.refusedParameter("area=100%"))
                .hasValueSatisfying(problem -> assertThat(problem.field()).isEqualTo("query"));
    }
}
