package se.medborgarloften.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxHintsTest {

    @Test
    void each_written_document_is_handed_out_once_by_collection_however_often_it_was_written() {
        OutboxHints hints = new OutboxHints(10);
        hints.add(new OutboxWrite("promises", "p-1"));
        hints.add(new OutboxWrite("promises", "p-1"));
        hints.add(new OutboxWrite("activities", "a-1"));

        OutboxHints.Drained first = hints.drain();
        assertThat(first.complete()).isTrue();
        assertThat(first.idsByCollection()).isEqualTo(Map.of("promises", List.of("p-1"), "activities", List.of("a-1")));
        assertThat(hints.drain().idsByCollection()).isEmpty();
    }

    @Test
    void writes_beyond_the_capacity_are_not_remembered_and_the_next_drain_says_so_once() {
        OutboxHints hints = new OutboxHints(2);
        hints.add(new OutboxWrite("promises", "p-1"));
        hints.add(new OutboxWrite("promises", "p-2"));
        hints.add(new OutboxWrite("promises", "p-3"));

        OutboxHints.Drained overflowed = hints.drain();
        assertThat(overflowed.complete()).isFalse();
        assertThat(overflowed.idsByCollection().get("promises")).containsExactlyInAnyOrder("p-1", "p-2");
        assertThat(hints.drain().complete()).isTrue();
    }
}
