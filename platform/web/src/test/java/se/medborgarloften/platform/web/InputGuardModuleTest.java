package se.medborgarloften.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InputGuardModuleTest {

    record Note(String text, List<String> tags, Map<String, Integer> counts, LocalDate due) {}

    private final JsonMapper json =
            JsonMapper.builder().addModule(new InputGuardModule(20)).build();

    @Test
    void free_text_keeps_its_tabs_and_line_breaks() {
        Note note = json.readValue("{\"text\":\"två rader\\r\\nmed\\ttab\"}", Note.class);

        assertThat(note.text()).isEqualTo("två rader\r\nmed\ttab");
    }

    @Test
    void a_nul_or_another_control_character_is_refused_on_its_field() {
        for (String escaped : List.of("\\u0000", "\\u001b", "\\u007f", "\\u0085")) {
            assertThatThrownBy(() -> json.readValue("{\"text\":\"a" + escaped + "b\"}", Note.class))
                    .as(escaped)
                    .isInstanceOfSatisfying(RefusedInputException.class, refused -> {
                        assertThat(refused.getPath().get(0).getPropertyName()).isEqualTo("text");
                        assertThat(refused.getOriginalMessage()).contains("control characters");
                    });
        }
    }

    @Test
    void strings_in_lists_are_guarded_too() {
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"ok\",\"n\\u0000\"]}", Note.class))
                .isInstanceOf(RefusedInputException.class);
    }

    @Test
    void a_string_over_the_backstop_length_is_refused() {
        assertThatThrownBy(() -> json.readValue("{\"text\":\"" + "x".repeat(21) + "\"}", Note.class))
                .isInstanceOfSatisfying(
                        RefusedInputException.class,
                        refused -> assertThat(refused.getOriginalMessage()).isEqualTo("must be at most 20 characters"));
    }

    @Test
    void a_map_key_that_a_store_would_read_as_an_operator_or_a_path_is_refused() {
        for (String key : List.of("$where", "$gt", "a.b", ".")) {
            assertThatThrownBy(() -> json.readValue("{\"counts\":{\"" + key + "\":1}}", Note.class))
                    .as(key)
                    .isInstanceOfSatisfying(RefusedInputException.class, refused -> {
                        assertThat(refused.getPath().get(0).getPropertyName()).isEqualTo("counts");
                        assertThat(refused.getOriginalMessage()).contains("must not start with '$' or contain '.'");
                    });
        }
        assertThat(json.readValue("{\"counts\":{\"hastighet\":3}}", Note.class).counts())
                .containsEntry("hastighet", 3);
    }

    @Test
    void a_date_outside_2000_to_2100_is_refused_on_its_field() {
        assertThat(json.readValue("{\"due\":\"2021-06-30\"}", Note.class).due()).isEqualTo(LocalDate.of(2021, 6, 30));
        for (String date : List.of("0001-01-01", "9999-12-31")) {
            assertThatThrownBy(() -> json.readValue("{\"due\":\"" + date + "\"}", Note.class))
                    .as(date)
                    .isInstanceOfSatisfying(
                            RefusedInputException.class,
                            refused -> assertThat(refused.getPath().get(0).getPropertyName())
                                    .isEqualTo("due"));
        }
    }
}
