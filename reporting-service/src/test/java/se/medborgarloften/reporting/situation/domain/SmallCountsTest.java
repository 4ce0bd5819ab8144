package se.medborgarloften.reporting.situation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCountsTest {

    @Test
    void three_citizens_are_shown_and_two_are_not() {
        assertThat(SmallCounts.shown(3)).isTrue();
        assertThat(SmallCounts.shown(2)).isFalse();
    }

    @Test
    void areas_at_or_above_the_limit_are_shown_when_none_is_below_it() {
        assertThat(SmallCounts.suppressedAreas(Map.of("Centrum", 5L, "Norra", 3L)))
                .isEmpty();
    }

    @Test
    void one_small_area_takes_the_next_smallest_with_it_so_the_total_does_not_give_it_away() {
        var suppressed = SmallCounts.suppressedAreas(Map.of("Centrum", 9L, "Norra", 4L, "Tyringe", 2L));

        assertThat(suppressed).containsExactlyInAnyOrder("Tyringe", "Norra");
    }

    @Test
    void two_small_areas_hide_each_other() {
        var suppressed = SmallCounts.suppressedAreas(Map.of("Centrum", 9L, "Norra", 1L, "Tyringe", 2L));

        assertThat(suppressed).containsExactlyInAnyOrder("Tyringe", "Norra");
    }

    @Test
    void a_single_small_area_is_suppressed_alone_when_there_is_no_other() {
        assertThat(SmallCounts.suppressedAreas(Map.of("Tyringe", 2L))).containsExactly("Tyringe");
    }

    @Test
    void shown_counts_come_first_most_first_and_withheld_ones_after_by_name() {
        record Cell(String name, Long shown) {}
        List<Cell> cells = List.of(new Cell("b", null), new Cell("c", 4L), new Cell("a", null), new Cell("d", 9L));

        Comparator<Cell> order = SmallCounts.publicOrder(Cell::shown, Cell::name);

        assertThat(cells.stream().sorted(order).map(Cell::name)).containsExactly("d", "c", "a", "b");
    }
}
