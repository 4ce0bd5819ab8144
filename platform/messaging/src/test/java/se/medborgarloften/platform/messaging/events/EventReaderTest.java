package se.medborgarloften.platform.messaging.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import se.medborgarloften.contracts.activity.ActivityEvent;

class EventReaderTest {

    @Test
    void json_that_is_not_an_object_is_refused_with_what_it_is() {
        assertThatThrownBy(() -> read("[1, 2, 3]"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("expected a JSON object, got an array");
        assertThatThrownBy(() -> read("\"aGVsbG8=\""))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("expected a JSON object, got a string");
        assertThatThrownBy(() -> read("null"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("expected a JSON object, got null");
    }

    @Test
    void what_is_not_json_at_all_is_refused_as_unreadable() {
        assertThatThrownBy(() -> read("{this is not JSON"))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageStartingWith("not a readable CloudEvent: ");
    }

    private static void read(String value) {
        EventReader.read(value.getBytes(StandardCharsets.UTF_8), ActivityEvent.class);
    }
}
